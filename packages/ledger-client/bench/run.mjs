// Benchmarks of @meterkit/ledger-client's usage computation against a ceiling measured in the same run: a
// plain loop over the same rows that only sums their durations (no buckets, no grouping, no decimals).
// Run with `pnpm run bench` (builds first). Prints rates and heap; never asserts anything.
import { seededRandom } from "@meterkit/core/testing";
import { printBench } from "../../../tooling/bench/table.mjs";
import { computeUsage } from "../dist/index.js";

const FROM = Date.parse("2026-05-01T00:00:00Z");
const TO = Date.parse("2026-06-01T00:00:00Z");
const OPTIONS = { from: new Date(FROM), to: new Date(TO), by: "day" };
const random = seededRandom(20260501);

/** One entity's rows: created somewhere in (or before) the month, resized 0–2 times, maybe deleted. */
function entity(i, tenant = "t") {
  const id = `e${i}`;
  const rows = [];
  let t = FROM - 86_400_000 * 3 + Math.floor(random() * (TO - FROM));
  const versions = 1 + Math.floor(random() * 3);
  const volume = random() < 0.4;
  for (let v = 0; v < versions; v++) {
    const last = v === versions - 1;
    const end = last && random() < 0.6 ? null : new Date(t + Math.floor(random() * 10 * 86_400_000));
    const base = {
      entityId: id,
      projectId: tenant,
      name: id,
      start: new Date(t),
      end,
      lastEvent: new Date(t),
      processed: null,
    };
    rows.push(
      volume
        ? {
            ...base,
            entityType: "volume",
            size: 10 * (1 + v),
            volumeType: "ssd",
            attachedTo: v % 2 ? ["vm"] : [],
          }
        : { ...base, entityType: "instance", flavor: `m1.f${v}`, imageMeta: {}, metadata: {} },
    );
    if (end === null) break;
    t = end.getTime();
  }
  return rows;
}

/** The ceiling: every row's seconds inside the period, summed. */
function plainLoop(rows) {
  let total = 0;
  for (const r of rows) {
    const start = Math.max(r.start.getTime(), FROM);
    const end = Math.min(r.end === null ? TO : r.end.getTime(), TO);
    if (end > start) total += Math.floor(end / 1000) - Math.floor(start / 1000);
  }
  return total;
}

function best(rounds, body) {
  body(); // warm-up
  let fastest = Number.POSITIVE_INFINITY;
  let sink;
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    sink = body();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: fastest, sink };
}

function bench(name, value, baseline, unit, lowerIsBetter = false) {
  printBench({ name, value: Math.round(value), baseline: Math.round(baseline), unit, lowerIsBetter });
}

// 1. Throughput: 100,000 entities of one tenant → daily usage.
const N = 100_000;
const rows = [];
for (let i = 0; i < N; i++) rows.push(...entity(i));
const ours = best(3, () => computeUsage(rows, OPTIONS).length);
const ceiling = best(3, () => plainLoop(rows));
console.log(`${N} entities (${rows.length} rows) → ${ours.sink} daily usage records`);
console.log(`computeUsage by day: ${Math.round(N / ours.seconds).toLocaleString("en-US")} entities/s`);
console.log(`plain duration loop: ${Math.round(N / ceiling.seconds).toLocaleString("en-US")} entities/s`);
bench("ledger usage by day, 100k entities", N / ours.seconds, N / ceiling.seconds, "entities/s");
rows.length = 0;

// 2. Peak heap: 1,000,000 entities streamed as 1,000 tenants of 1,000, each computed and dropped.
function peakHeap(perTenant) {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let sink = 0;
  for (let tenant = 0; tenant < 1000; tenant++) {
    const batch = [];
    for (let i = 0; i < 1000; i++) batch.push(...entity(i, `t${tenant}`));
    sink += perTenant(batch);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  return { mb: (peak - before) / 1048576, sink };
}
const streamed = peakHeap((batch) => computeUsage(batch, OPTIONS).length);
const streamedCeiling = peakHeap(plainLoop);
console.log(
  `1M entities streamed: peak heap +${streamed.mb.toFixed(1)} MB (plain loop +${streamedCeiling.mb.toFixed(1)} MB)`,
);
bench("ledger usage peak heap, 1M streamed", streamed.mb, streamedCeiling.mb, "MB", true);
