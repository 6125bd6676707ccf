/**
 * `pnpm --filter @meterkit/sandbox start`: every stand-in on loopback, their URLs printed, until Ctrl-C.
 * Ports: `MK_SANDBOX_ALMANACH_PORT`, `MK_SANDBOX_WALDUR_PORT` (default: free ports). The SLA catalog is
 * meterkit's own service: `npx @meterkit/sla-catalog-server`.
 */
import { startAlmanach, startWaldur } from "./index.js";

function port(name: string): number {
  const value = process.env[name];
  if (value === undefined || value === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new Error(
      `[@meterkit/sandbox] ${name} must be a port number (0–65535), got ${JSON.stringify(value)}`,
    );
  return n;
}

async function main(): Promise<void> {
  const started: { name: string; url: string; auth: string; close(): Promise<void> }[] = [];
  const stopAll = async () => {
    // Reverse order, and every one of them even when one fails to close.
    await Promise.allSettled(started.reverse().map((s) => s.close()));
  };
  try {
    const almanach = await startAlmanach({ port: port("MK_SANDBOX_ALMANACH_PORT") });
    started.push({
      name: "Almanach",
      url: almanach.url,
      auth: "X-Auth-Token: secret",
      close: almanach.close,
    });
    const waldur = await startWaldur({ port: port("MK_SANDBOX_WALDUR_PORT") });
    started.push({
      name: "Waldur",
      url: waldur.url,
      auth: `Authorization: token ${waldur.token}`,
      close: waldur.close,
    });
  } catch (error) {
    await stopAll();
    throw error;
  }
  for (const s of started) console.log(`${s.name.padEnd(12)} ${s.url}  (${s.auth})`);
  console.log("meterkit sandbox running; Ctrl-C stops it.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await stopAll();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
