/**
 * The cost chart as inline SVG: one stacked bar per day (a colour per tenant), a y axis in EUR, day labels
 * and a legend. No script, no external asset: the report opens anywhere.
 */

/** The chart's size in CSS pixels (the HTML places it at a fixed spot; the screenshot test relies on both). */
export const CHART = { width: 900, height: 360 } as const;

/** One colour per tenant, in order (colour-blind safe, Okabe–Ito). */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9"] as const;

/** Cost per day of each tenant. */
export interface ChartSeries {
  tenant: string;
  daily: Record<string, number>;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A "nice" axis maximum and step (1, 2 or 5 × 10^n). */
function niceScale(max: number, ticks = 5): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 0.2 };
  const raw = max / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * pow >= raw) ?? 10) * pow;
  return { top: Math.ceil(max / step) * step, step };
}

/** Renders the stacked-bar chart of cost per tenant and per day. */
export function costChartSvg(days: readonly string[], series: readonly ChartSeries[]): string {
  const { width, height } = CHART;
  const m = { left: 64, right: 16, top: 40, bottom: 44 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const totals = days.map((d) => series.reduce((sum, s) => sum + (s.daily[d] ?? 0), 0));
  const { top, step } = niceScale(Math.max(0, ...totals));
  const y = (v: number) => m.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(2, slot * 0.72);
  const parts: string[] = [];
  for (let v = 0; v <= top + step / 2; v += step) {
    parts.push(
      `<line x1="${m.left}" x2="${width - m.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e3e3e3"/>`,
      `<text x="${m.left - 8}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" class="tick">${v.toFixed(step < 1 ? 2 : 0)}</text>`,
    );
  }
  days.forEach((day, i) => {
    const x = m.left + i * slot + (slot - barW) / 2;
    let base = 0;
    series.forEach((s, k) => {
      const v = s.daily[day] ?? 0;
      if (v <= 0) return;
      const h = y(base) - y(base + v);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[k % PALETTE.length]}"><title>${esc(s.tenant)} ${day}: ${v.toFixed(2)} EUR</title></rect>`,
      );
      base += v;
    });
    if (i % 5 === 0 || i === days.length - 1)
      parts.push(
        `<text x="${(x + barW / 2).toFixed(1)}" y="${height - m.bottom + 18}" text-anchor="middle" class="tick">${day.slice(5)}</text>`,
      );
  });
  const legend = series
    .map((s, k) => {
      const x = m.left + k * 150;
      return `<rect x="${x}" y="12" width="14" height="14" fill="${PALETTE[k % PALETTE.length]}"/><text x="${x + 20}" y="24" class="legend">${esc(s.tenant)}</text>`;
    })
    .join("");
  return [
    `<svg id="cost-chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Cost per tenant and per day">`,
    `<style>.tick{font:11px sans-serif;fill:#555}.legend{font:13px sans-serif;fill:#222}</style>`,
    legend,
    ...parts,
    `<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + plotH}" stroke="#888"/>`,
    `<text x="16" y="${m.top + plotH / 2}" transform="rotate(-90 16 ${m.top + plotH / 2})" text-anchor="middle" class="tick">EUR per day</text>`,
    `</svg>`,
  ].join("\n");
}
