/**
 * The one table style of every meterkit CLI: cliff's table formatter (the python-openstackclient family:
 * `almanach`, `cloudkitty`), `+---+` borders, one space of padding, numbers right-aligned (judged on the
 * first row, as cliff does), and cliff's `--max-width`/`--fit-width` (columns shrunk as
 * `TableFormatter._assign_max_widths` shrinks them, cells wrapped as prettytable wraps them) and
 * `--print-empty`.
 */
/** How a table is drawn: cliff's table formatter options. @public */
export interface TableOptions {
  /** Shrink the widest columns so the table fits this many characters (`--max-width`); 0: no limit. */
  readonly maxWidth?: number | undefined;
  /** An empty list still prints its header (`--print-empty`). */
  readonly printEmpty?: boolean | undefined;
  /** How `null`/`undefined` reads in a cell (cliff's Python commands print `None`). Default empty. */
  readonly nullText?: string | undefined;
  /** How a line wider than its shrunk column is wrapped (cliff: Python's `textwrap.fill`). Default: cut. */
  readonly wrap?: ((line: string, width: number) => string) | undefined;
}

/** Lines of `width` characters. */
function cut(line: string, width: number): string {
  const chars = [...line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(""));
  return out.join("\n");
}

/** A list table; an empty list prints an empty line (or only its header with `printEmpty`), as cliff does. @public */
export function renderTable(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: TableOptions = {},
): string {
  if (rows.length === 0 && !options.printEmpty) return "\n";
  const right = columns.map((_, i) => typeof rows[0]?.[i] === "number");
  return render(columns, rows, right, options, 8);
}

/** One object as `Field | Value` rows (cliff's `ShowOne`). @public */
export function renderFields(
  fields: readonly (readonly [string, unknown])[],
  options: TableOptions = {},
): string {
  return render(
    ["Field", "Value"],
    fields.map(([k, v]) => [k, v]),
    [false, false],
    options,
    16,
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
  options: TableOptions,
  minWidth: number,
) {
  const none = options.nullText ?? "";
  // prettytable turns `\r\n` into a line break and a lone `\r` into a space (cliff's `_format_row`).
  const text = rows.map((row) =>
    columns.map((_, i) => {
      const v = row[i];
      return v === null || v === undefined
        ? none
        : cellText(v).replaceAll("\r\n", "\n").replaceAll("\r", " ");
    }),
  );
  const natural = columns.map((c, i) => Math.max(width(c), ...text.map((r) => width(r[i] ?? ""))));
  const limits = maxWidths(natural, options.maxWidth ?? 0, minWidth);
  const wrap = options.wrap ?? cut;
  // A limited column is as wide as its title and its cells up to the limit; wider cells are wrapped to it.
  const widths = columns.map((c, i) => {
    const limit = limits[i];
    if (limit === undefined) return natural[i] ?? 0;
    return Math.max(width(c), ...text.map((r) => Math.min(width(r[i] ?? ""), limit)));
  });
  const wrapped = text.map((r) =>
    r.map((cell, i) =>
      limits[i] === undefined
        ? cell
        : cell
            .split("\n")
            .map((line) => (width(line) > (widths[i] ?? 0) ? wrap(line, widths[i] ?? 1) : line))
            .join("\n"),
    ),
  );
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  const pad = (c: string, i: number) => {
    const fill = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c)));
    return right[i] ? fill + c : c + fill;
  };
  const line = (cells: readonly string[]) => `|${cells.map((c, i) => ` ${pad(c, i)} `).join("|")}|`;
  const body = wrapped.flatMap((r) => multiline(r).map(line));
  return `${[rule, line(columns), rule, ...body, rule].join("\n")}\n`;
}

/**
 * cliff's `_assign_max_widths`: nothing when the table fits; otherwise the columns wider than an even share
 * of the width get what the others leave, split evenly (the last one the rest), never under `minWidth`.
 */
function maxWidths(natural: readonly number[], maxWidth: number, minWidth: number): (number | undefined)[] {
  const none = natural.map(() => undefined);
  if (maxWidth <= 0) return none;
  const tableWidth = natural.reduce((a, w) => a + w + 3, 1);
  if (tableWidth <= maxWidth) return none;
  const usable = Math.max(0, maxWidth - 1 - 3 * natural.length);
  const optimal = natural.length === 0 ? 0 : Math.max(0, Math.floor(usable / natural.length));
  let remaining = usable;
  const shrink: number[] = [];
  natural.forEach((w, i) => {
    if (w <= optimal) remaining -= w;
    else shrink.push(i);
  });
  const out: (number | undefined)[] = [...none];
  const share = Math.floor(remaining / shrink.length);
  for (const i of shrink.slice(0, -1)) {
    out[i] = Math.max(minWidth, share);
    remaining -= share;
  }
  out[shrink[shrink.length - 1] as number] = Math.max(minWidth, remaining);
  return out;
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
