/**
 * Run the Almanach stand-in alone: `node dist/almanach/main.js [--port 8000] [--host 127.0.0.1] [--token secret]`.
 * Environment: ALMANACH_PORT, ALMANACH_HOST, ALMANACH_PRIVATE_KEY.
 */
import { parseArgs } from "node:util";
import { startAlmanach } from "./index.js";

const { values } = parseArgs({
  options: { port: { type: "string" }, host: { type: "string" }, token: { type: "string" } },
});
const port = Number(values.port ?? process.env.ALMANACH_PORT ?? 8000);
const running = await startAlmanach({
  port,
  host: values.host ?? process.env.ALMANACH_HOST ?? "127.0.0.1",
  token: values.token ?? process.env.ALMANACH_PRIVATE_KEY ?? "secret",
});
console.log(`Almanach stand-in listening on ${running.url}`);
const stop = () => void running.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
