/**
 * Pagination throughput and memory: iterate every resource of a 100 000-resource Waldur stand-in through
 * the client, against a bare undici loop (same server, same page size, same run) as the baseline. Also
 * iterates a quarter of them to show the client's peak heap does not grow with the item count
 * (streaming, not collecting). Prints a table; asserts nothing about durations.
 */

import { startWaldur } from "@meterkit/sandbox";
import { request } from "undici";
import { it } from "vitest";
import { createWaldurClient } from "../src/index.js";

const TOTAL = Number(process.env.BENCH_RESOURCES ?? 100_000);
const PAGE = 300;

interface Row {
  name: string;
  items: number;
  ms: number;
  peakHeapMb: number;
}

async function measure(name: string, run: (onItem: () => void) => Promise<number>): Promise<Row> {
  globalThis.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let n = 0;
  const started = performance.now();
  const items = await run(() => {
    // Sample the heap every 500 items: often enough to catch a page's worth of garbage.
    if (++n % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  });
  const ms = performance.now() - started;
  return { name, items, ms, peakHeapMb: (peak - base) / 2 ** 20 };
}

async function undiciLoop(firstUrl: string, token: string, onItem: () => void): Promise<number> {
  let url: string | undefined = firstUrl;
  let count = 0;
  while (url) {
    const res: Awaited<ReturnType<typeof request>> = await request(url, {
      headers: { authorization: `token ${token}`, accept: "application/json" },
    });
    const items = (await res.body.json()) as unknown[];
    for (const _ of items) {
      count++;
      onItem();
    }
    url = /<([^>]*)>;\s*rel="next"/.exec(String(res.headers.link ?? ""))?.[1];
  }
  return count;
}

it(`iterates ${TOTAL} resources`, async () => {
  const w = await startWaldur({ extraResources: TOTAL - 3 });
  try {
    const waldur = createWaldurClient({ baseUrl: w.url, token: w.token, pageSize: PAGE });
    const viaClient = (limit?: number) => async (onItem: () => void) => {
      let count = 0;
      for await (const _ of waldur.resources.list({}, limit === undefined ? {} : { limit })) {
        count++;
        onItem();
      }
      return count;
    };
    await measure("warm-up", viaClient(2_000));
    const loop = (f: () => void) =>
      undiciLoop(`${w.url}marketplace-resources/?page_size=${PAGE}`, w.token, f);
    // The baseline runs before and after the client, so warm-up and machine load affect both alike.
    const before = await measure("undici loop (baseline, 1st)", loop);
    const client = await measure("client, all", viaClient());
    const after = await measure("undici loop (baseline, 2nd)", loop);
    const quarter = await measure("client, a quarter", viaClient(Math.floor(TOTAL / 4)));
    const rows = [before, after, client, quarter];
    const baseline = { items: before.items + after.items, ms: before.ms + after.ms };
    const table = rows.map((r) => ({
      variant: r.name,
      items: r.items,
      "items/s": Math.round((r.items / r.ms) * 1000),
      "vs baseline": (r.items / r.ms / (baseline.items / baseline.ms)).toFixed(2),
      "peak heap Δ MB": r.peakHeapMb.toFixed(1),
    }));
    console.table(table);
    console.log(
      `process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (stand-in included)`,
    );
    // Machine-readable lines for the root `pnpm bench` (tooling/bench/run.mjs).
    const perSecond = (r: { items: number; ms: number }) => Math.round((r.items / r.ms) * 1000);
    const mb = (x: number) => +x.toFixed(1);
    for (const line of [
      {
        name: `allocation pagination, ${client.items} resources vs undici loop`,
        value: perSecond(client),
        baseline: perSecond(baseline),
        ratio: +(perSecond(client) / perSecond(baseline)).toFixed(3),
        unit: "items/s",
      },
      {
        name: "allocation peak heap Δ, all vs a quarter of the items",
        value: mb(client.peakHeapMb),
        baseline: mb(quarter.peakHeapMb),
        ratio: quarter.peakHeapMb > 0 ? +(client.peakHeapMb / quarter.peakHeapMb).toFixed(3) : null,
        unit: "MB",
      },
    ])
      console.log(`BENCH ${JSON.stringify(line)}`);
  } finally {
    await w.close();
  }
});
