/** The `almanach` executable (bin.js imports this file). */
import { runCli } from "./cli/main.js";

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
// Exit once both streams are flushed: idle keep-alive sockets of the shared HTTP agent would otherwise keep
// the process alive for several seconds after the answer.
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
