/** The `almanach` executable (bin.js imports this file). */
import { runCli } from "./cli/main.js";

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
