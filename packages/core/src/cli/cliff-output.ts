/**
 * A result printed as cliff prints it (`cliff/lister.py` `produce_output`, `show.py`, `formatters/*.py`):
 * rows sorted by `--sort-column` (before `-c`, so a hidden column can order the rows), `-c` in the command's
 * column order, then the formatter. Loaded only when a program with cliff's options is asked for them.
 */
import { pyStrCompare } from "../python/order.js";
import { pythonCsv } from "./csv.js";
import { UsageError } from "./exit-codes.js";
import { plain, type Rows, renderValue, rowsOf } from "./formats.js";
import type { OutputSettings } from "./output-options.js";
import type { CommandResult } from "./program.js";
import { pythonJson } from "./python-json.js";
import { cellText, renderFields, renderTable } from "./table.js";
import { pythonFill } from "./textwrap.js";

let yaml: typeof import("./yaml.js") | undefined;

/** Load the YAML emitter (`-f yaml`), once. @internal */
export async function loadYaml(): Promise<void> {
  yaml ??= await import("./yaml.js");
}

/** Python's ordering of two cells of a sort key, or `undefined` when Python cannot compare them. */
function compare(a: unknown, b: unknown): number | undefined {
  // cliff sorts on `(value is None, value)`: None after everything, equal to None.
  const [an, bn] = [a === null || a === undefined, b === null || b === undefined];
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  const num = (v: unknown) => typeof v === "number" || typeof v === "boolean";
  if (num(a) && num(b)) return Number(a) - Number(b);
  if (typeof a === "string" && typeof b === "string") return pyStrCompare(a, b);
  return undefined;
}

/** The row order `--sort-column` gives: stable sorts from the last column named to the first. */
function sortOrder(rows: Rows, s: OutputSettings): number[] {
  let order = rows.rows.map((_, i) => i);
  const indexes = s.sortColumns.map((c) => rows.columns.indexOf(c)).filter((i) => i !== -1);
  for (const index of indexes.reverse()) {
    let unsortable = false;
    const sorted = [...order].sort((i, j) => {
      const d = compare(rows.rows[i]?.[index], rows.rows[j]?.[index]);
      if (d === undefined) unsortable = true;
      return (d ?? 0) * (s.sortDescending ? -1 : 1);
    });
    if (unsortable) s.warn(`Could not sort on field '${rows.columns[index]}'; unsortable types`);
    else order = sorted;
  }
  return order;
}

/** cliff's `-c`: the command's columns that were named, in its order; none known is an error. */
function selected(columns: readonly string[], wanted: readonly string[]): readonly string[] {
  if (wanted.length === 0) return columns;
  const kept = columns.filter((c) => wanted.includes(c));
  if (kept.length === 0) {
    const list = (names: readonly string[]) => `[${names.map((n) => `'${n}'`).join(", ")}]`;
    throw new UsageError(
      `No recognized column names in ${list(wanted)}. Recognized columns are ${list(columns)}.`,
    );
  }
  return kept;
}

/**
 * The data json and yaml print: the command's own (sorted; with `-c`, cut to the columns kept), else the
 * rows as objects.
 */
function dataOf(result: CommandResult, rows: Rows, order: number[], kept: readonly string[], cut: boolean) {
  const pick = (o: unknown) =>
    cut && typeof o === "object" && o !== null && !Array.isArray(o)
      ? Object.fromEntries(kept.filter((k) => k in o).map((k) => [k, (o as Record<string, unknown>)[k]]))
      : o;
  const own = result.json;
  if (rows.one) return typeof own === "object" && own !== null && !Array.isArray(own) ? pick(own) : own;
  if (Array.isArray(own) && own.length === rows.rows.length) return order.map((i) => pick(own[i]));
  const at = kept.map((c) => rows.columns.indexOf(c));
  return order.map((i) => Object.fromEntries(kept.map((c, k) => [c, rows.rows[i]?.[at[k] as number]])));
}

/** Python's `str()` in a shell assignment (`ShellFormatter.emit_one`). */
function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  return cellText(value);
}

function shell(kept: readonly string[], values: readonly unknown[], prefix: string): string {
  return kept
    .map((column, i) => {
      const name = column.toLowerCase().replaceAll(" ", "_").replaceAll(":", "_").replaceAll("-", "_");
      const v = values[i];
      const text = typeof v === "string" ? v.replaceAll('"', '\\"') : pythonStr(v);
      return `${prefix}${name}="${text}"\n`;
    })
    .join("");
}

/** The result in the settings' format, after sorting and `-c`. @internal */
export function renderCliff(result: CommandResult, s: OutputSettings, wanted: readonly string[]): string {
  const rows = rowsOf(result);
  if (!rows) {
    if (wanted.length > 0) throw new UsageError("--column: this command prints no columns");
    if (s.format === "json") return `${pythonJson(result.json ?? null, s.noindent ? undefined : 2)}\n`;
    if (s.format === "yaml") return yaml?.safeDump(result.json ?? null) ?? "";
    return plain(result);
  }
  if (s.format === "shell" && !rows.one)
    throw new UsageError("-f shell prints one object; this command prints a list");
  const order = rows.one ? [0] : sortOrder(rows, s);
  const kept = selected(rows.columns, wanted);
  const at = kept.map((c) => rows.columns.indexOf(c));
  const table = order.map((i) => at.map((k) => rows.rows[i]?.[k]));
  switch (s.format) {
    case "json":
      return `${pythonJson(dataOf(result, rows, order, kept, wanted.length > 0), s.noindent ? undefined : 2)}\n`;
    case "yaml": {
      const data = dataOf(result, rows, order, kept, wanted.length > 0);
      if (!yaml) throw new Error("[@meterkit/core] -f yaml: the YAML emitter is not loaded");
      // ShowOne dumps each field on its own (in the command's order); a Lister dumps the list.
      if (rows.one && typeof data === "object" && data !== null && !Array.isArray(data))
        return Object.entries(data)
          .map(([k, v]) => yaml?.safeDump({ [k]: v }) ?? "")
          .join("");
      return yaml.safeDump(data);
    }
    case "shell":
      return shell(kept, table[0] ?? [], s.prefix);
    case "csv":
      return pythonCsv(kept, table, s.quote, cellText);
    case "value":
      return renderValue({ one: rows.one, columns: kept, rows: table }, result.nullText);
    default: {
      const options = { nullText: result.nullText, maxWidth: s.maxWidth, wrap: pythonFill };
      if (rows.one)
        return renderFields(
          kept.map((c, i) => [c, table[0]?.[i]] as const),
          options,
        );
      return renderTable(kept, table, { ...options, printEmpty: s.printEmpty });
    }
  }
}
