import { ensureServices } from "@meterkit/services";

/**
 * The PostgreSQL server the suite also runs on: `MK_PG_URL`, else the one `@meterkit/services` starts from
 * Debian's packages. `MK_SLA_CATALOG_PG=off` runs the embedded engine only (and says so).
 */
export async function postgresUrl(): Promise<string | undefined> {
  if (process.env.MK_SLA_CATALOG_PG === "off") return undefined;
  if (process.env.MK_PG_URL) return process.env.MK_PG_URL;
  return (await ensureServices(["postgres"])).MK_PG_URL;
}

/** The engines every suite runs on: embedded always, PostgreSQL unless turned off. */
export async function engines(): Promise<{ name: "pglite" | "postgres"; adminUrl?: string }[]> {
  const url = await postgresUrl();
  return [{ name: "pglite" }, ...(url ? [{ name: "postgres" as const, adminUrl: url }] : [])];
}
