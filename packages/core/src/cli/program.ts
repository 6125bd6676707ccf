/** What a CLI built with the kit declares: its commands, their arguments and options, its global options. */
import type { Dispatcher } from "undici";
import type { OutputSettings } from "./output-options.js";

/** One option. `name` is written `--name` (or `-name` in single-dash programs); `short` is one letter. @public */
export interface OptionSpec {
  readonly name: string;
  /** One-letter spelling, `-x`. */
  readonly short?: string | undefined;
  /** Other spellings (without dashes), e.g. a reference tool's historic name. */
  readonly aliases?: readonly string[] | undefined;
  /** `string` takes a value; `boolean` is a switch. Default `string`. */
  readonly type?: "string" | "boolean" | undefined;
  /** May be given several times (values collected in order); otherwise a repeat is a usage error. */
  readonly multiple?: boolean | undefined;
  /** The environment variable read when the option is not given (global options). */
  readonly env?: string | undefined;
  /** Placeholder of the value in help, e.g. `ID`. */
  readonly valueName?: string | undefined;
  readonly help: string;
  /** Shown in help; the kit does not apply it (the command or the service does). */
  readonly defaultText?: string | undefined;
  /** Hidden from help (a compatibility spelling). */
  readonly hidden?: boolean | undefined;
  /** The values a string option takes; any other is a usage error naming them (argparse's `choices`). */
  readonly choices?: readonly string[] | undefined;
}

/** One positional argument. @public */
export interface PositionalSpec {
  readonly name: string;
  readonly help?: string | undefined;
  readonly optional?: boolean | undefined;
  /** Takes every remaining argument (last positional only). */
  readonly variadic?: boolean | undefined;
}

/** Parsed arguments of one command: option values by option name, positionals by name. @public */
export interface ParsedArgs {
  readonly options: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** What a command hands back: the data (printed by `--format json`) and how to show it as text. @public */
export interface CommandResult {
  /** The result as data; `--format json` prints exactly this. */
  readonly json: unknown;
  /** Text to print as is in table format (newline added when missing). */
  readonly text?: string | undefined;
  /** A list: column titles and one row per item. */
  readonly table?: { readonly columns: readonly string[]; readonly rows: readonly (readonly unknown[])[] };
  /** One object: `Field | Value` rows. */
  readonly fields?: readonly (readonly [string, unknown])[];
  /** How a `null` cell reads in table and value formats (cliff's Python commands print `None`). Default empty. */
  readonly nullText?: string | undefined;
  /** cliff's formatter options, attached by `withCliffOutput` (a program's opt-in). @internal */
  readonly output?: OutputSettings | undefined;
}

/** Where a command runs: its arguments, the global option values, the program's I/O. @public */
export interface CommandContext<S = unknown> extends ParsedArgs {
  /** Global option values (flag, else environment variable). */
  readonly globals: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly io: CliIo;
  /** Whatever the program's `setup` built from the globals (e.g. a client), created on first use. */
  readonly setup: () => S;
}

/** One command, possibly of several words (`services list`). @public */
export interface CommandSpec<S = unknown> {
  readonly name: string;
  /** Other names of the command, of the same number of words or not (`mapping create` for `mappings create`). */
  readonly aliases?: readonly string[] | undefined;
  readonly summary: string;
  /** More text for `<command> --help`. */
  readonly description?: string | undefined;
  readonly positionals?: readonly PositionalSpec[] | undefined;
  readonly options?: readonly OptionSpec[] | undefined;
  /**
   * What it prints, as cliff's command classes: a `Lister` (`list`: takes the sort options, not `-f shell`),
   * a `ShowOne` (`one`: `-f shell`, `--prefix`, no sorting) or a plain `Command` (`none`: no formatter
   * option). Checked before the command runs, in a program with cliff's options; unset, the result decides
   * (a list cannot be printed `-f shell`).
   */
  readonly shows?: "list" | "one" | "none" | undefined;
  /** Does the command's work; a thrown error becomes one stderr line and its exit code. */
  run(context: CommandContext<S>): Promise<CommandResult>;
}

/** A whole program. @public */
export interface CliProgram<S = unknown> {
  /** The executable's name, e.g. `almanach`. */
  readonly name: string;
  readonly version: string;
  readonly summary: string;
  readonly commands: readonly CommandSpec<S>[];
  /** Options every command takes (connection settings), usually backed by environment variables. */
  readonly globals?: readonly OptionSpec[] | undefined;
  /** Builds what commands share from the globals (called lazily, once). */
  setup?(globals: CommandContext["globals"], io: CliIo): S;
  /**
   * `single`: long options are written with one dash (`-mp 10`, the SLA@SOI tools); two dashes are
   * accepted too. Default `double`.
   */
  readonly dashes?: "single" | "double" | undefined;
  /** Short spelling of `--format` (e.g. `f`, as cliff's `-f json`). */
  readonly formatShort?: string | undefined;
  /** Program-specific lines for an error (after the first), e.g. field-by-field problems. */
  describeError?(error: unknown, command: CommandSpec<S> | undefined): readonly string[] | undefined;
  /**
   * The command run when the line names none and starts with an option or is empty (a server's `serve`):
   * `sla-catalog-server --port 8080` is `sla-catalog-server serve --port 8080`.
   */
  readonly defaultCommand?: string | undefined;
  /** Text after the command list in `--help` (e.g. how dates are written). */
  readonly epilogue?: string | undefined;
}

/** Where a CLI reads its environment and writes its output. @public */
export interface CliIo {
  /** Environment variables global options fall back on, usually `process.env`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Results and help, newline included. */
  stdout(text: string): void;
  /** Errors, one line each, newline included. */
  stderr(text: string): void;
  /** The directory relative file arguments are read from. Default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** The undici dispatcher every request goes through (tests point it at a local server). */
  readonly dispatcher?: Dispatcher | undefined;
  /** The terminal's width when stdout is one (`--fit-width`); unset: `process.stdout`'s when it is a TTY. */
  readonly columns?: number | undefined;
}
