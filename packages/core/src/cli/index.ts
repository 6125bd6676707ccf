/**
 * @packageDocumentation
 * `@meterkit/core/cli`: the one CLI kit of meterkit (`almanach`, `hashmap`, `sla-catalog`): commands,
 * strict option parsing, help, `--version`, global options backed by environment variables,
 * `--format table|json|csv|value` and `--column`, one table style, one set of exit codes; and, for a program
 * standing in for a cliff-based CLI, cliff's formatter options (`withCliffOutput`: `-f yaml|shell`,
 * `--noindent`, `--max-width`, `--fit-width`, `--print-empty`, `--quote`, `--prefix`, `--sort-column`).
 */
export type { ExitCode } from "./exit-codes.js";
export { EXIT, exitCodeOf, UsageError } from "./exit-codes.js";
export { CLIFF_FORMATS, FORMATS, type OutputFormat } from "./formats.js";
export { CSV_QUOTING, type CsvQuoting, type OutputSettings, withCliffOutput } from "./output-options.js";
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
export { cellText, renderFields, renderTable, type TableOptions } from "./table.js";
