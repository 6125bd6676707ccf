/**
 * The HTML report in a real browser: headless Chromium (Debian's package) screenshots it and the chart's
 * area must be drawn. This run also takes the fallback path: `--no-cloudkitty` prices with the local engine
 * alone, and says so.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { expect, inject, it } from "vitest";
import { CHART, PALETTE } from "../src/report/chart-svg.js";
import type { DemoReport } from "../src/report/model.js";
import { decodePng } from "./support/png.js";
import { printedPath, startDemo } from "./support/run-demo.js";

const run = promisify(execFile);
/** Where report.html places the chart (its CSS: `#chart { left: 24px; top: 96px }`). */
const CHART_BOX = { left: 24, top: 96, ...CHART };

function hex(color: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
}

it("renders the cost chart in headless Chromium", async () => {
  const out = await mkdtemp(join(tmpdir(), "meterkit-demo-shot-"));
  // The catalog stand-in keeps its data on the project's PostgreSQL, named the way a shell would.
  const demo = startDemo(["--out", out, "--no-cloudkitty"], { MK_PG_URL: inject("services").MK_PG_URL });
  expect(await demo.exited, demo.stderr()).toBe(0);
  const report = JSON.parse(await readFile(printedPath(demo.stdout(), "JSON report"), "utf8")) as DemoReport;
  expect(report.rating?.engine).toBe("local");
  expect(report.rating?.cloudkittyNote).toBe("disabled by --no-cloudkitty");
  // Not a terminal: plain progress lines, no spinner escape codes.
  expect(demo.stdout()).not.toContain("\x1b[");

  const png = join(out, "report.png");
  await run(
    inject("chromium"),
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--hide-scrollbars",
      "--force-device-scale-factor=1",
      `--user-data-dir=${await mkdtemp(join(tmpdir(), "meterkit-chromium-"))}`,
      "--window-size=1000,700",
      `--screenshot=${png}`,
      pathToFileURL(printedPath(demo.stdout(), "HTML report")).href,
    ],
    { timeout: 50_000 },
  );
  const image = decodePng(await readFile(png));
  expect(image.width).toBe(1000);
  let drawn = 0;
  const tenants = PALETTE.slice(0, report.rating?.tenants.length ?? 0).map(hex);
  const seen = tenants.map(() => 0);
  for (let y = CHART_BOX.top; y < CHART_BOX.top + CHART_BOX.height; y++)
    for (let x = CHART_BOX.left; x < CHART_BOX.left + CHART_BOX.width; x++) {
      const [r, g, b] = image.pixel(x, y);
      if (r < 245 || g < 245 || b < 245) drawn += 1;
      tenants.forEach(([tr, tg, tb], k) => {
        if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) < 24) seen[k] = (seen[k] ?? 0) + 1;
      });
    }
  // Bars fill a good part of the plot; every tenant's colour shows in it.
  expect(drawn / (CHART_BOX.width * CHART_BOX.height)).toBeGreaterThan(0.1);
  for (const [k, count] of seen.entries())
    expect(count, report.rating?.tenants[k]?.tenant).toBeGreaterThan(500);
  // The page's white background is what "not drawn" means: a pixel left of the chart is white.
  expect(image.pixel(4, CHART_BOX.top + 100).slice(0, 3)).toEqual([255, 255, 255]);
});
