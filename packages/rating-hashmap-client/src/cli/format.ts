/** Output of the `hashmap` CLI: an aligned text table, or JSON for scripts. */

/** Render rows as a plain aligned table (columns from the first row's keys). @internal */
export function table(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return "(none)";
  const columns = Object.keys(rows[0] as object);
  const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(columns.map((c) => cell(r[c])))),
  ].join("\n");
}

/** Format any result for `--format table|json`. @internal */
export function render(result: unknown, format: "table" | "json"): string {
  if (format === "json") return JSON.stringify(result, null, 2);
  if (result === undefined) return "";
  if (Array.isArray(result))
    return typeof result[0] === "object" || result.length === 0 ? table(result) : result.join("\n");
  if (typeof result === "object" && result !== null) return table([result as Record<string, unknown>]);
  return String(result);
}
