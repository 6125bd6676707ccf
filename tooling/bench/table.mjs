/**
 * The BENCH line format every package's bench prints, and the one table the root `pnpm bench` shows.
 * A line is `BENCH ` followed by a JSON object: name (string), value and baseline (numbers), ratio
 * (number, or null when the baseline is 0), unit (string), target (optional number: the ratio we aim for),
 * lowerIsBetter (optional boolean: for CPU time, latency and memory the target is a ceiling, not a floor).
 */

const PREFIX = /(?:^|\s)BENCH (\{.*\})\s*$/;

/**
 * Prints one BENCH line: the ratio is computed here (value / baseline, 3 places; null for a 0 baseline), and
 * `target` / `lowerIsBetter` are written only when given. Round `value` and `baseline` as the unit deserves.
 */
export function printBench({ name, value, baseline, unit, target, lowerIsBetter }) {
  const row = { name, value, baseline, ratio: baseline ? +(value / baseline).toFixed(3) : null, unit };
  if (target !== undefined) row.target = target;
  if (lowerIsBetter) row.lowerIsBetter = true;
  console.log(`BENCH ${JSON.stringify(row)}`);
}

/** Reads the BENCH lines out of a bench's output; lines that look like one but do not parse are returned. */
export function parseBenchLines(lines) {
  const rows = [];
  const invalid = [];
  for (const line of lines) {
    const match = PREFIX.exec(line);
    if (!match) continue;
    try {
      const row = JSON.parse(match[1]);
      const number = (x) => typeof x === "number" && Number.isFinite(x);
      if (
        typeof row.name !== "string" ||
        !number(row.value) ||
        !number(row.baseline) ||
        typeof row.unit !== "string"
      )
        throw new Error("needs name, value, baseline and unit");
      rows.push({
        name: row.name,
        value: row.value,
        baseline: row.baseline,
        ratio: number(row.ratio) ? row.ratio : row.baseline ? row.value / row.baseline : null,
        unit: row.unit,
        target: number(row.target) ? row.target : undefined,
        lowerIsBetter: row.lowerIsBetter === true,
      });
    } catch {
      invalid.push(line.trim());
    }
  }
  return { rows, invalid };
}

const fmt = (x) =>
  Math.abs(x) >= 100 ? Math.round(x).toLocaleString("en-US") : String(+x.toFixed(Math.abs(x) >= 10 ? 1 : 2));

/** "≥ 0.85" (or "≤ 1.1" when lower is better), flagged when the ratio misses it. */
function targetCell(r) {
  if (r.target === undefined) return "";
  const missed = r.ratio !== null && (r.lowerIsBetter ? r.ratio > r.target : r.ratio < r.target);
  return `${r.lowerIsBetter ? "≤" : "≥"} ${r.target}${missed ? " (missed)" : ""}`;
}

/** One aligned table: package, benchmark, ours, baseline, unit, ratio and the target when there is one. */
export function formatBenchTable(rows) {
  const header = ["package", "benchmark", "ours", "baseline", "unit", "ratio", "target"];
  const body = rows.map((r) => [
    r.package,
    r.name,
    fmt(r.value),
    fmt(r.baseline),
    r.unit,
    r.ratio === null ? "-" : r.ratio.toFixed(2),
    targetCell(r),
  ]);
  const numeric = new Set([2, 3, 5]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((line) => line[c].length)));
  const render = (line) =>
    line
      .map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  const lines = [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(render)];
  if (rows.length === 0) lines.push("(no results)");
  return lines.join("\n");
}
