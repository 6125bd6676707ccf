/**
 * Issue 17's two faults, each against the real CloudKitty: the order in which a quote adds services, and the
 * text `decimal.Decimal()` accepts for a desc value compared with thresholds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRatingEngine, fetchRuleSet, RatingEngineError } from "../src/index.js";
import type { UsageRecord } from "../src/usage.js";
import { haveCloudKitty, retryingClient, stableQuote, unique } from "./support/services.js";

/** The engine's answer in the server's terms: a price, or the 500 CloudKitty answers. */
function local(engine: ReturnType<typeof createRatingEngine>, records: UsageRecord[]) {
  try {
    return { price: engine.price(records) };
  } catch (error) {
    if (!(error instanceof RatingEngineError)) throw error;
    return { status: 500 };
  }
}

async function server(hm: ReturnType<typeof retryingClient>, records: UsageRecord[], hint: string) {
  return stableQuote(hm, records, hint).then(
    (price) => ({ price }),
    (error: { status?: number }) => ({ status: error.status }),
  );
}

describe.skipIf(!haveCloudKitty)("engine regressions (real server)", () => {
  const hm = retryingClient();
  const cleanup: string[] = [];
  beforeAll(async () => {
    await hm.module.enable();
  });
  afterAll(async () => {
    for (const serviceId of cleanup) await hm.services.delete({ serviceId });
  });

  it("adds services in sorted name order, as DataFrame.from_dict does", { timeout: 120_000 }, async () => {
    const base = unique("sum");
    // Appearance order (b first) and sorted order (a first) give different 28-digit sums.
    const [a, b] = [`${base}-a`, `${base}-b`];
    for (const name of [a, b]) {
      const svc = await hm.services.create({ name });
      cleanup.push(svc.service_id);
      await hm.mappings.create({ service_id: svc.service_id, cost: "1" });
    }
    const engine = createRatingEngine(await fetchRuleSet(hm, { services: [a, b] }));
    const cases: UsageRecord[][] = [
      [
        { service: b, volume: "0.4" },
        { service: a, volume: "9999999999999999999999999999" },
        { service: b, volume: "0.4" },
      ],
      [
        { service: a, volume: "0.4" },
        { service: b, volume: "9999999999999999999999999999" },
        { service: a, volume: "0.4" },
      ],
      [
        { service: b, volume: "9999999999999999999999999999" },
        { service: a, volume: "0.6" },
        { service: b, volume: "-0.6" },
      ],
    ];
    const prices = new Set<string>();
    for (const records of cases) {
      const want = await server(hm, records, "1");
      expect(local(engine, records), JSON.stringify(records)).toEqual(want);
      if ("price" in want) prices.add(want.price as string);
    }
    // The cases must tell the orders apart: were every sum the same, this test could not fail.
    expect(prices.size).toBeGreaterThan(1);
  });

  it("compares desc text with thresholds as decimal.Decimal() reads it", { timeout: 600_000 }, async () => {
    const service = unique("dec");
    const svc = await hm.services.create({ name: service });
    cleanup.push(svc.service_id);
    const field = await hm.fields.create({ service_id: svc.service_id, name: "memory_mb" });
    await hm.thresholds.create({ field_id: field.field_id, level: "2048", cost: "0.25" });
    await hm.thresholds.create({ field_id: field.field_id, level: "4096", type: "rate", cost: "2" });
    await hm.mappings.create({ service_id: svc.service_id, cost: "1" });
    const engine = createRatingEngine(await fetchRuleSet(hm, { services: [service] }));
    const values = [
      "４０９６", // full-width digits
      "٤٠٩٦", // Arabic-Indic digits
      "२०४८", // Devanagari digits
      " 4096 ",
      "\u30004096\u3000",
      "\u001c4096\u001f", // str.strip() whitespace that int() would not take
      "\u00854096\u00a0",
      "4_096",
      "4__096",
      "_4096",
      "4096_",
      "4_0_9_6.0_0",
      "4096_e0",
      "4.096e3",
      "4.096E+3",
      "40.96e2",
      "+4096",
      "-4096",
      "4096.",
      ".4096e4",
      "2047.999999999999999999999999999999",
      "Infinity",
      "-inf",
      "INF",
      "+Infinity",
      "NaN",
      "-nan",
      "sNaN",
      "nan12",
      "ınf", // _pydecimal's regex would take it, the C decimal does not
      "4 096",
      "4\u3000096",
      "",
      "   ",
      "_",
      "4096e",
      "e5",
      "0x1000",
      "1e99999",
    ];
    const mismatches: string[] = [];
    let failures = 0;
    for (const value of values) {
      const records = [{ service, volume: "3", desc: { metadata: { memory_mb: value } } }];
      const want = await server(hm, records, "1");
      const got = local(engine, records);
      if ("status" in want) failures++;
      if (JSON.stringify(got) !== JSON.stringify(want))
        mismatches.push(
          `${JSON.stringify(value)}: engine ${JSON.stringify(got)} server ${JSON.stringify(want)}`,
        );
    }
    expect(mismatches).toEqual([]);
    // Both outcomes occur, so a parser that took (or refused) everything would fail.
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(values.length);
  });
});
