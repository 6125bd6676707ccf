import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { collect } from "@meterkit/core";
import { ensureServices } from "@meterkit/services";
// The catalog service is @meterkit/sla-catalog-server (a devDependency, built before our tests by turbo's ^build).
import { createScratchDatabase, startSlaCatalog } from "@meterkit/sla-catalog-server";
import { type CatalogClient, createCatalogClient } from "../../src/index.js";

/** The repository root, from this file's location. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** The built CLI entry the tests run. */
export const BIN = fileURLToPath(new URL("../../bin.js", import.meta.url));

/** PostgreSQL for the second engine: `MK_PG_URL`, else `@meterkit/services`; `MK_SLA_CATALOG_PG=off` skips it. */
export async function engines(): Promise<{ name: "pglite" | "postgres"; adminUrl?: string }[]> {
  if (process.env.MK_SLA_CATALOG_PG === "off") return [{ name: "pglite" }];
  const url = process.env.MK_PG_URL ?? (await ensureServices(["postgres"])).MK_PG_URL;
  return [{ name: "pglite" }, ...(url ? [{ name: "postgres" as const, adminUrl: url }] : [])];
}

/** A service started in-process on 127.0.0.1 with a fresh database, and a client of it. */
export interface Running {
  readonly url: string;
  readonly client: CatalogClient;
  close(): Promise<void>;
}

/** The admin token every test service accepts (the catalog is closed without one). */
export const ADMIN_TOKEN = "slac_00000000ad01_client-tests-admin-secret-0123456789";

export async function startService(engine: { adminUrl?: string }): Promise<Running> {
  const db = engine.adminUrl ? await createScratchDatabase(engine.adminUrl) : undefined;
  const server = await startSlaCatalog({
    port: 0,
    databaseUrl: db?.url,
    tokens: [{ token: ADMIN_TOKEN, role: "admin" }],
  });
  return {
    url: server.url,
    client: createCatalogClient({ baseUrl: server.url, token: ADMIN_TOKEN }),
    async close() {
      await server.close();
      await db?.drop();
    },
  };
}

/** Everything the service holds, to prove that refused commands changed nothing. */
export async function snapshot(client: CatalogClient): Promise<unknown[]> {
  return Promise.all([
    collect(client.parties.list()),
    collect(client.products.list()),
    collect(client.templates.list()),
    collect(client.offers.list()),
    collect(client.unitResources.list()),
    collect(client.prices.list()),
    collect(client.guarantees.list()),
  ]);
}

/** The seed document (`MK_SEEDS_DIR`, default `<repo>/../shared/seeds`). */
export function readSeed(): string {
  const dir = process.env.MK_SEEDS_DIR ?? `${REPO_ROOT}../shared/seeds`;
  const file = `${dir}/003_bd0a7126b9d7abd4.txt`;
  if (!existsSync(file)) throw new Error(`seed not found at ${file}; set MK_SEEDS_DIR`);
  return readFileSync(file, "utf8");
}

/** The seed's request examples in order: `./Tool.sh args…` split as a shell would (quotes). */
export function seedExamples(seed: string): { tool: string; args: string[] }[] {
  return [...seed.matchAll(/^\s*\.\/(\w+)\.sh\b(.*)$/gm)].map((m) => ({
    tool: m[1] as string,
    args: shellWords(m[2] ?? ""),
  }));
}

function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

/** A small SLA@SOI template with the given UUID. */
export function templateXml(uuid: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<slasoi:SLATemplate xmlns:slasoi="http://www.slaatsoi.eu/slamodel">
  <slasoi:Text/>
  <slasoi:UUID>${uuid}</slasoi:UUID>
  <slasoi:ModelVersion>sla_at_soi_sla_model_v1.0</slasoi:ModelVersion>
</slasoi:SLATemplate>
`;
}
