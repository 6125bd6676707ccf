/** `report.html`: one self-contained page (inline CSS and SVG, no script, no external asset). */
import { CHART, costChartSvg } from "./chart-svg.js";
import type { DemoReport } from "./model.js";
import { tenantCostRows } from "./tenant-rows.js";

const esc = (s: unknown) =>
  String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function table(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The chart's data: the local engine's daily split (it equals CloudKitty's quote, checked per tenant). */
export function chartSeries(report: DemoReport) {
  return (report.rating?.tenants ?? []).map((t) => ({
    tenant: t.tenant,
    daily: Object.fromEntries(Object.entries(t.daily).map(([d, v]) => [d, Number(v)])),
  }));
}

/** Renders the whole report. The chart sits at a fixed place: 24 px from the left, 96 px from the top. */
export function renderHtml(report: DemoReport, days: readonly string[]): string {
  const r = report.rating;
  const sections: string[] = [];
  sections.push(
    `<h2>Steps</h2>`,
    table(
      ["step", "service", "status", "ms", "summary"],
      report.steps.map((s) => [s.title, s.service ?? "—", s.status, s.durationMs, s.summary]),
    ),
    `<h2>Services</h2>`,
    table(
      ["service", "kind", "url", "auth", "note"],
      report.services.map((s) => [s.name, s.kind, s.url ?? "—", s.auth, s.note ?? ""]),
    ),
  );
  if (r) {
    sections.push(
      `<h2>Cost per tenant (${esc(report.month)})</h2>`,
      table(
        ["tenant", "usage records", "CloudKitty quote (EUR)", "local engine (EUR)", "equal"],
        tenantCostRows(r),
      ),
    );
    if (r.cloudkittyNote) sections.push(`<p class="note">${esc(r.cloudkittyNote)}</p>`);
  }
  const a = report.allocation;
  if (a)
    sections.push(
      `<h2>Waldur</h2>`,
      table(
        ["what", "value"],
        [
          ...a.approvedOrders.map((o) => ["order approved", `${o.uuid} → ${o.state}`]),
          ...a.backendIds.map((b) => ["backend id", `${b.resourceUuid} = ${b.backendId}`]),
          ...a.usages.map((u) => ["usage reported", `${u.type} = ${u.amount}`]),
          ...(a.offeringUser
            ? [["offering user", `${a.offeringUser.username} (${a.offeringUser.uuid})`]]
            : []),
        ],
      ),
    );
  const c = report.catalog;
  if (c)
    sections.push(
      `<h2>SLA catalog</h2>`,
      table(
        ["unit resource", "price id", "EUR per hour", "guarantees"],
        c.unitResources.map((u) => [u.name, u.priceId, u.value, u.guaranteeIds.join(", ")]),
      ),
    );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>meterkit demo report ${esc(report.month)}</title>
<style>
html,body{margin:0;padding:0;background:#fff;color:#222;font:14px/1.4 system-ui,sans-serif}
header{height:72px;padding:12px 24px 0;box-sizing:border-box}
header h1{margin:0;font-size:22px} header p{margin:4px 0 0;color:#555}
#chart{position:absolute;left:24px;top:96px;width:${CHART.width}px;height:${CHART.height}px}
main{padding:0 24px 24px;margin-top:${96 + CHART.height + 24 - 72}px}
table{border-collapse:collapse;margin:8px 0 16px} th,td{border:1px solid #ddd;padding:4px 8px;text-align:left}
th{background:#f4f4f4} .note{color:#a33}
</style>
</head>
<body>
<header><h1>meterkit demo: cost per tenant and per day</h1><p>${esc(report.month)} · run ${esc(report.runId)} · generated ${esc(report.generatedAt)}</p></header>
<div id="chart">
${costChartSvg(days, chartSeries(report))}
</div>
<main>
${sections.join("\n")}
</main>
</body>
</html>
`;
}
