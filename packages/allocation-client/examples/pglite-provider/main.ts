/**
 * The provider as a service: `WALDUR_URL=… WALDUR_TOKEN=… WALDUR_OFFERING=… npx tsx main.ts`. Runs the
 * three loops until SIGINT / SIGTERM, one JSON line per event on stdout; the accounts stay in ./provider-db.
 */
import { startProvider } from "./provider.js";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const log = (level: string) => (message: string, fields: object) =>
  console.log(JSON.stringify({ level, message, ...fields }));

const provider = await startProvider({
  waldur: { baseUrl: env("WALDUR_URL"), token: env("WALDUR_TOKEN") },
  offerings: env("WALDUR_OFFERING").split(","),
  dataDir: process.env.PROVIDER_DB ?? "./provider-db",
  logger: { info: log("info"), warn: log("warn") },
});
const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
await provider.agent.run(stop.signal);
await provider.close();
