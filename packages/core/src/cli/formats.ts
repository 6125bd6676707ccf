/**
 * The output formats every meterkit CLI shares, as cliff (the python-openstackclient family) names them:
 * `table` (the default), `json` (the command's data exactly), `csv` and `value` (for scripts), and
 * `-c/--column` to keep only some columns — so a script written for `cloudkitty … -f value -c "Mapping ID"`
 * keeps working with only the program's name changed. A program that opts in to cliff's formatter options
 * (`withCliffOutput`, `output-options.ts`) also gets `yaml` and `shell`, and its results are printed as
 * cliff prints them (`cliff-output.ts`, loaded when asked for).
 */
import { UsageError } from "./exit-codes.js";
import type { CommandResult, OptionSpec } from "./program.js";
import { cellText, renderFields, renderTable } from "./table.js";

/** The formats `--format` takes. @public */
export const FORMATS = ["table", "json", "csv", "value"] as const;
/** The formats of a program with cliff's formatter options (`withCliffOutput`). @public */
export const CLIFF_FORMATS = [...FORMATS, "yaml", "shell"] as const;
/** One of {@link CLIFF_FORMATS}. @public */
export type OutputFormat = (typeof CLIFF_FORMATS)[number];

/** The `--format` option (with the program's short spelling, e.g. cliff's `-f`). @internal */
export function formatOption(short: string | undefined): OptionSpec {
  return {
    name: "format",
    short,
    valueName: FORMATS.join("|"),
    choices: FORMATS,
    help: "Output format",
    defaultText: "table",
  };
}

/** The `--column` option; `-c` where the program spells `--format` `-f`, as cliff does. @internal */
export function columnOption(formatShort: string | undefined): OptionSpec {
  return {
    name: "column",
    short: formatShort === "f" ? "c" : undefined,
    valueName: "COLUMN",
    multiple: true,
    help: "Show only this column (repeat for several; table, csv and value formats)",
  };
}

/**
 * The format asked for, checked before the command runs (so nothing is sent on a typo); which formats the
 * program offers is checked by the parser (the option's `choices`).
 * @internal
 */
export function parseFormat(value: unknown): OutputFormat {
  const format = (value as string | undefined) ?? "table";
  if (!(CLIFF_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be ${FORMATS.join(", ")}, got '${format}'`);
  return format as OutputFormat;
}

let cliff: typeof import("./cliff-output.js") | undefined;

/**
 * Load cliff's formatters (and the YAML emitter when `yaml`), once: only a program with cliff's options
 * that is asked for one of them pays for their modules.
 * @internal
 */
export async function loadCliffOutput(yaml: boolean): Promise<void> {
  cliff ??= await import("./cliff-output.js");
  if (yaml) await cliff.loadYaml();
}

/** A result as rows: a list's table, one object's fields as one row, or a list of objects. @internal */
export interface Rows {
  readonly one: boolean;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** @internal */
export function rowsOf(result: CommandResult): Rows | undefined {
  if (result.table) return { one: false, columns: result.table.columns, rows: result.table.rows };
  if (result.fields)
    return { one: true, columns: result.fields.map(([k]) => k), rows: [result.fields.map(([, v]) => v)] };
  if (result.text !== undefined) return undefined;
  const data = result.json;
  if (Array.isArray(data) && data.every((d) => typeof d === "object" && d !== null && !Array.isArray(d))) {
    const columns = [...new Set(data.flatMap((d) => Object.keys(d as object)))];
    return {
      one: false,
      columns,
      rows: data.map((d) => columns.map((c) => (d as Record<string, unknown>)[c])),
    };
  }
  if (typeof data === "object" && data !== null && !Array.isArray(data)) {
    const entries = Object.entries(data as Record<string, unknown>);
    return { one: true, columns: entries.map(([k]) => k), rows: [entries.map(([, v]) => v)] };
  }
  return undefined;
}

/** Keep the named columns, in the order asked; an unknown name is a usage error naming the ones there are. */
function select(rows: Rows, wanted: readonly string[] | undefined): Rows {
  if (!wanted || wanted.length === 0) return rows;
  const at = wanted.map((name) => {
    const i = rows.columns.indexOf(name);
    if (i === -1)
      throw new UsageError(
        `no column '${name}' (columns: ${rows.columns.map((c) => `'${c}'`).join(", ") || "none"})`,
      );
    return i;
  });
  return { one: rows.one, columns: wanted, rows: rows.rows.map((r) => at.map((i) => r[i])) };
}

/**
 * A command's result in `format`. `--column` is checked against the columns the command returned, so an
 * unknown name is known only after it ran (as in cliff); it then prints nothing and says which columns exist.
 * @internal
 */
export function renderResult(
  result: CommandResult,
  format: OutputFormat,
  columns?: readonly string[],
): string {
  if (result.output) {
    if (!cliff) throw new Error("[@meterkit/core] cliff's formatters are not loaded");
    return cliff.renderCliff(result, result.output, columns ?? []);
  }
  if (format === "json") return `${JSON.stringify(result.json ?? null, null, 2)}\n`;
  const rows = rowsOf(result);
  if (!rows) {
    if (columns && columns.length > 0) throw new UsageError("--column: this command prints no columns");
    return plain(result);
  }
  const chosen = select(rows, columns);
  if (format === "csv") return csv(chosen);
  if (format === "value") return renderValue(chosen, result.nullText);
  const options = { nullText: result.nullText };
  if (chosen.one)
    return renderFields(
      chosen.columns.map((c, i) => [c, chosen.rows[0]?.[i]] as const),
      options,
    );
  return renderTable(chosen.columns, chosen.rows, options);
}

/**
 * The `value` format: one object's values a line each, a list's rows a line each (cells space-separated);
 * a missing value as the command's `nullText` (default empty). @internal
 */
export function renderValue(rows: Rows, nullText: string | undefined): string {
  const text = (v: unknown) => (v === null || v === undefined ? (nullText ?? "") : cellText(v));
  return rows.one
    ? rows.columns.map((_, i) => `${text(rows.rows[0]?.[i])}\n`).join("")
    : rows.rows.map((r) => `${r.map(text).join(" ")}\n`).join("");
}

/** The table format of a result that has no columns: its text, or its data as text. @internal */
export function plain(result: CommandResult): string {
  if (result.text !== undefined)
    return result.text.endsWith("\n") || result.text === "" ? result.text : `${result.text}\n`;
  const data = result.json;
  if (data === undefined || data === null) return "";
  if (Array.isArray(data)) return data.length === 0 ? "\n" : `${data.map(cellText).join("\n")}\n`;
  return `${cellText(data)}\n`;
}

/** Python's `csv.writer` with cliff's default quoting (`QUOTE_NONNUMERIC`): text quoted, numbers bare. */
function csv(rows: Rows): string {
  const cell = (v: unknown) =>
    typeof v === "number" || typeof v === "bigint" ? String(v) : `"${cellText(v).replaceAll('"', '""')}"`;
  return [rows.columns, ...rows.rows].map((r) => `${r.map(cell).join(",")}\n`).join("");
}
