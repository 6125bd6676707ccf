/** The terminal summary: plain-text tables (widths by content, numbers right-aligned). */
import type { DemoReport } from "./model.js";
import { tenantCostRows } from "./tenant-rows.js";

/** A text table with a header rule. */
export function textTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? "")].length)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^-?[\d.]+$/.test(String(r[i]))),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const [head, ...body] = cells;
  return [line(head ?? []), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/** Every table of the summary, joined. */
export function terminalSummary(report: DemoReport): string {
  const out: string[] = [];
  out.push(
    textTable(
      ["service", "kind", "url"],
      report.services.map((s) => [s.name, s.kind, s.url ?? `— ${s.note ?? ""}`]),
    ),
  );
  const r = report.rating;
  if (r) {
    out.push(
      textTable(["tenant", "records", "CloudKitty EUR", "local engine EUR", "equal"], tenantCostRows(r)),
    );
  }
  const a = report.allocation;
  if (a?.usages.length)
    out.push(
      textTable(
        ["Waldur component", "amount reported"],
        a.usages.map((u) => [u.type, u.amount]),
      ),
    );
  return out.join("\n\n");
}
