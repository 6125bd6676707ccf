/**
 * The one table style of every meterkit CLI: cliff's table formatter (the python-openstackclient family:
 * `almanach`, `cloudkitty`), `+---+` borders, one space of padding, numbers right-aligned (judged on the
 * first row, as cliff does).
 */

/** A list table; an empty list prints an empty line, as cliff does. @public */
export function renderTable(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return "\n";
  const right = columns.map((_, i) => typeof rows[0]?.[i] === "number");
  return render(columns, rows, right);
}

/** One object as `Field | Value` rows (cliff's `ShowOne`). @public */
export function renderFields(fields: readonly (readonly [string, unknown])[]): string {
  return render(
    ["Field", "Value"],
    fields.map(([k, v]) => [k, v]),
    [false, false],
  );
}

/** How a value looks in a cell: `null`/`undefined` as empty, objects as JSON. @public */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function render(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  right: readonly boolean[],
) {
  const text = rows.map((row) => columns.map((_, i) => cellText(row[i])));
  const widths = columns.map((c, i) => Math.max(width(c), ...text.map((r) => width(r[i] ?? ""))));
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const pad = (c: string, i: number) => {
    const fill = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c)));
    return right[i] ? fill + c : c + fill;
  };
  const line = (cells: readonly string[]) => `|${cells.map((c, i) => ` ${pad(c, i)} `).join("|")}|`;
  const body = text.flatMap((r) => multiline(r).map(line));
  return `${[rule, line(columns), rule, ...body, rule].join("\n")}\n`;
}

/** Cells with line breaks span several table lines, as prettytable prints them. */
function multiline(cells: readonly string[]): string[][] {
  const split = cells.map((c) => c.split("\n"));
  const height = Math.max(...split.map((s) => s.length));
  return Array.from({ length: height }, (_, i) => split.map((s) => s[i] ?? ""));
}

function width(text: string): number {
  let n = 0;
  for (const line of text.split("\n")) n = Math.max(n, [...line].length);
  return n;
}
