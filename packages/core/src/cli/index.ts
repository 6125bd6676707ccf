/**
 * @packageDocumentation
 * `@meterkit/core/cli`: the one CLI kit of meterkit (`almanach`, `hashmap`, `sla-catalog`): commands,
 * strict option parsing, help, `--version`, global options backed by environment variables,
 * `--format table|json|csv|value` and `--column`, one table style, one set of exit codes.
 */
export type { ExitCode } from "./exit-codes.js";
export { EXIT, exitCodeOf, UsageError } from "./exit-codes.js";
export { FORMATS, type OutputFormat } from "./formats.js";
export type {
  CliIo,
  CliProgram,
  CommandContext,
  CommandResult,
  CommandSpec,
  OptionSpec,
  ParsedArgs,
  PositionalSpec,
} from "./program.js";
export { runCli, runMain } from "./run.js";
export { cellText, renderFields, renderTable } from "./table.js";
