/**
 * Tables the way the reference CLI prints them (cliff's table formatter on prettytable): `+---+` borders,
 * one space of padding, left-aligned columns except numeric ones (judged on the first row, as cliff does).
 */

/** A cell: numbers are right-aligned, everything else is shown as given. @internal */
export type Cell = string | number;

/** A list table; an empty list prints an empty line, as cliff does without `--print-empty`. @internal */
export function renderList(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return "\n";
  const right = columns.map((_, i) => typeof rows[0]?.[i] === "number");
  return render(columns, rows, right);
}

/** A Field/Value table (cliff's `ShowOne`). @internal */
export function renderShow(fields: readonly (readonly [string, Cell])[]): string {
  return render(
    ["Field", "Value"],
    fields.map(([k, v]) => [k, String(v)]),
    [false, false],
  );
}

function render(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  right: readonly boolean[],
): string {
  const text = rows.map((row) => columns.map((_, i) => String(row[i] ?? "")));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((r) => (r[i] ?? "").length)));
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const line = (cells: readonly string[]) =>
    `|${cells.map((c, i) => ` ${right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)} `).join("|")}|`;
  return `${[rule, line(columns), rule, ...text.map(line), rule].join("\n")}\n`;
}
