/**
 * @packageDocumentation
 * `@meterkit/ledger-client/cli`: the `almanach` command as a program of core's CLI kit, to run in process
 * (tests, wrappers) with your own I/O.
 */
import { type CliIo, runCli } from "@meterkit/core/cli";
import { program } from "./program.js";

export { program } from "./program.js";

/**
 * Run `almanach` with these arguments (without the program name) and this I/O; resolves to the exit code
 * (core's `EXIT`: 0 ok, 2 usage, 3 invalid input, 4 not found, 6 unavailable, 7 auth…).
 * @public
 */
export function run(argv: readonly string[], io: CliIo): Promise<number> {
  return runCli(program, argv, io);
}
