/**
 * cliff's formatter options (`cliff/display.py`, `lister.py`, `formatters/*.py`, cliff 4.0): `-f yaml` and
 * `-f shell` besides table, json, csv and value; `--noindent`; `--max-width`, `--fit-width`, `--print-empty`;
 * `--quote`; `--prefix`; `--sort-column` with `--sort-ascending`/`--sort-descending`; and `-c` as cliff
 * selects columns. A program opts in with {@link withCliffOutput}: the options become globals (so they reach
 * the commands, which the kit's runner gives only the globals), each command checks them before it runs,
 * loads the YAML emitter only when `-f yaml` is asked, and hands the settings to the formatter with its result.
 */
import { UsageError } from "./exit-codes.js";
import { CLIFF_FORMATS, loadCliffOutput, type OutputFormat } from "./formats.js";
import type { CliProgram, CommandContext, CommandSpec, OptionSpec } from "./program.js";

/** cliff's `--quote` choices (Python's csv quoting modes). @public */
export const CSV_QUOTING = ["all", "minimal", "none", "nonnumeric"] as const;
/** One of {@link CSV_QUOTING}. @public */
export type CsvQuoting = (typeof CSV_QUOTING)[number];

/** The formatter settings a result is printed with (set by {@link withCliffOutput}). @public */
export interface OutputSettings {
  readonly format: OutputFormat;
  readonly noindent: boolean;
  /** 0: no limit (and no terminal to fit). */
  readonly maxWidth: number;
  readonly printEmpty: boolean;
  readonly quote: CsvQuoting;
  readonly prefix: string;
  readonly sortColumns: readonly string[];
  readonly sortDescending: boolean;
  /** Where cliff's "could not sort" warning goes (stderr). */
  readonly warn: (line: string) => void;
}

const flag = (name: string, help: string, env?: string): OptionSpec => ({ name, type: "boolean", help, env });

/** The options, as cliff's `--help` lists them. @internal */
export function cliffOptions(formatShort: string | undefined): OptionSpec[] {
  return [
    {
      name: "format",
      short: formatShort,
      valueName: CLIFF_FORMATS.join("|"),
      choices: CLIFF_FORMATS,
      help: "Output format (shell: one object only)",
      defaultText: "table",
    },
    {
      name: "column",
      short: formatShort === "f" ? "c" : undefined,
      valueName: "COLUMN",
      multiple: true,
      help: "Show only this column (repeat for several; the command's column order)",
    },
    flag("noindent", "json: whether to disable indenting the JSON"),
    {
      name: "max-width",
      valueName: "<integer>",
      env: "CLIFF_MAX_TERM_WIDTH",
      help: "table: maximum display width, <1 to disable",
    },
    flag(
      "fit-width",
      "table: fit the table to the display width (implied by --max-width > 0)",
      "CLIFF_FIT_WIDTH",
    ),
    flag("print-empty", "table: print an empty table if there is no data to show"),
    {
      name: "quote",
      valueName: CSV_QUOTING.join("|"),
      choices: CSV_QUOTING,
      help: "csv: when to include quotes",
      defaultText: "nonnumeric",
    },
    { name: "prefix", valueName: "PREFIX", help: "shell: add a prefix to all variable names" },
    {
      name: "sort-column",
      valueName: "SORT_COLUMN",
      multiple: true,
      help: "lists: sort by this column (repeat: first has priority; unknown columns ignored)",
    },
    flag("sort-ascending", "lists: sort the column(s) in ascending order"),
    flag("sort-descending", "lists: sort the column(s) in descending order"),
  ];
}

/** Python's `int()` of an argument (argparse `type=int`), or a usage error worded as argparse words it. */
function pythonInt(name: string, text: string): number {
  const t = text.trim().replace(/(?<=\d)_(?=\d)/g, "");
  if (!/^[+-]?\d+$/.test(t)) throw new UsageError(`argument ${name}: invalid int value: '${text}'`);
  return Number(t);
}

/** The terminal cliff's `--fit-width` measures: stdout's, when it is one. */
function terminalWidth(ctx: CommandContext<unknown>): number {
  if (ctx.io.columns !== undefined) return ctx.io.columns;
  return process.stdout.isTTY ? process.stdout.columns : 0;
}

/** The settings from the globals, checked as argparse checks them (nothing is sent on a mistake). @internal */
export function readSettings(ctx: CommandContext<unknown>): OutputSettings {
  const g = ctx.globals;
  const text = (name: string) => (typeof g[name] === "string" ? (g[name] as string) : undefined);
  const on = (name: string) =>
    g[name] === true || (typeof g[name] === "string" && pythonInt(name, g[name]) !== 0);
  if (g["sort-ascending"] === true && g["sort-descending"] === true)
    throw new UsageError("argument --sort-descending: not allowed with argument --sort-ascending");
  const quote = text("quote") ?? "nonnumeric";
  if (!(CSV_QUOTING as readonly string[]).includes(quote))
    throw new UsageError(`--quote must be ${CSV_QUOTING.join(", ")}, got '${quote}'`);
  const maxWidth =
    text("max-width") === undefined ? 0 : pythonInt("--max-width", text("max-width") as string);
  const fit = maxWidth <= 0 && on("fit-width") ? terminalWidth(ctx) : 0;
  return {
    format: (text("format") ?? "table") as OutputFormat,
    noindent: g.noindent === true,
    maxWidth: maxWidth > 0 ? maxWidth : fit,
    printEmpty: g["print-empty"] === true,
    quote: quote as CsvQuoting,
    prefix: text("prefix") ?? "",
    sortColumns: (g["sort-column"] as readonly string[] | undefined) ?? [],
    sortDescending: g["sort-descending"] === true,
    warn: (line) => ctx.io.stderr(`${line}\n`),
  };
}

/** The formatter options without an environment variable: given on the line when set. */
const LINE_ONLY = [
  "format",
  "column",
  "noindent",
  "print-empty",
  "quote",
  "prefix",
  "sort-column",
  "sort-ascending",
  "sort-descending",
];

/**
 * What a `Lister`, a `ShowOne` or a plain `Command` (which prints nothing, e.g. a delete, and has no formatter
 * options) refuses: argparse's invalid choice or unrecognised argument.
 */
function checkKind(shows: CommandSpec["shows"], s: OutputSettings, g: CommandContext["globals"]): void {
  if (shows === "none") {
    const given = LINE_ONLY.find((name) => g[name] !== undefined);
    if (given) throw new UsageError(`--${given}: this command prints nothing`);
  }
  if (shows === "list") {
    if (s.format === "shell") throw new UsageError("-f shell prints one object; this command prints a list");
    if (g.prefix !== undefined) throw new UsageError("--prefix is for -f shell, which a list cannot use");
  }
  if (shows === "one" && (s.sortColumns.length > 0 || g["sort-ascending"] || g["sort-descending"]))
    throw new UsageError("the sort options are for lists; this command prints one object");
}

/**
 * Whether the kit's own formatter would print something else than cliff: it does table and value alike
 * when no column, sort or table option is given.
 */
function needsCliff(s: OutputSettings, g: CommandContext["globals"]): boolean {
  if (s.format !== "table" && s.format !== "value") return true;
  const columns = g.column as readonly string[] | undefined;
  return (columns?.length ?? 0) > 0 || s.sortColumns.length > 0 || s.maxWidth > 0 || s.printEmpty;
}

function wrap<S>(command: CommandSpec<S>): CommandSpec<S> {
  return {
    ...command,
    run: async (ctx) => {
      const output = readSettings(ctx as CommandContext<unknown>);
      checkKind(command.shows, output, ctx.globals);
      if (!needsCliff(output, ctx.globals)) return command.run(ctx);
      await loadCliffOutput(output.format === "yaml");
      return { ...(await command.run(ctx)), output };
    },
  };
}

/**
 * The program with cliff's formatter options (see the module's comment), for CLIs that stand in for a
 * cliff-based one (`hashmap` for `cloudkitty hashmap`). Its output then follows cliff also where the kit's
 * default differs: `-c` keeps the command's column order and ignores unknown names while one is known, and
 * JSON is Python's text (`ensure_ascii`, `--noindent` separators).
 * @public
 */
export function withCliffOutput<S>(program: CliProgram<S>): CliProgram<S> {
  return {
    ...program,
    globals: [...(program.globals ?? []), ...cliffOptions(program.formatShort)],
    commands: program.commands.map(wrap),
  };
}
