/**
 * @packageDocumentation
 * `@meterkit/rating-hashmap-client/cli`: the `hashmap` program, to run it in-process (tests, other tools).
 */
import { type CliIo, runCli } from "@meterkit/core/cli";
import { program } from "./program.js";

export { program } from "./program.js";

/** Run `hashmap` with `argv` (without the executable's name); resolves to the exit code. @public */
export function run(argv: readonly string[], io: CliIo): Promise<number> {
  return runCli(program, argv, io);
}
