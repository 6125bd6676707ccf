/**
 * @packageDocumentation
 * `@meterkit/sla-catalog-client/cli`: the `sla-catalog` command, the SLA@SOI provider tools on top of the
 * catalog client and core's CLI kit. The package's `bin` runs it.
 */
import { type CliIo, runCli } from "@meterkit/core/cli";
import { normaliseToolName, program } from "./program.js";

export { program };

/**
 * Runs `sla-catalog <Tool> [flags]` (argv without the executable) and resolves to the exit code (core's
 * `EXIT`). The tool may be written as the original script (`./AddProduct.sh`).
 * @public
 */
export function run(argv: readonly string[], io: CliIo): Promise<number> {
  return runCli(program, normaliseToolName(argv), io);
}
