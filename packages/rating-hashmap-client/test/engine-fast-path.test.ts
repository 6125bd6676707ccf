/**
 * The engine's fast path (plain-number decimals, precomputed tables) against the reference code it replaced
 * (BigInt decimals, CloudKitty's algorithm step for step; itself checked against the real server in
 * engine-vs-server.test.ts): the same text for every price and total, on random operands and rule sets built
 * to sit at the edges of the fast path's range (2^53, 28 digits, exponent spreads, zeros of either sign).
 */
import { pyStrCompare } from "@meterkit/core/python";
import { seededRandom } from "@meterkit/core/testing";
import { describe, expect, it } from "vitest";
import { addR, fromFx, mulR, R, toFx } from "../src/decimal/fast-decimal.js";
import { decAdd, decMul, decToString, type PyDecimal, parsePyDecimal } from "../src/decimal/py-decimal.js";
import { compileRules } from "../src/engine/compile.js";
import { prepareRecords } from "../src/engine/records.js";
import { pricePoint } from "../src/engine/reference.js";
import { RuleSet } from "../src/engine/rule-set.js";
import {
  createRatingEngine,
  RatingEngineError,
  type RuleSet as RuleSetInput,
  type UsageRecord,
} from "../src/index.js";
import { drawLocal, edgeDecimal } from "./support/local-rules.js";

const CASES = Number(process.env.MK_HASHMAP_FAST_CASES ?? 3000);

describe("fast decimals = Python's Decimal (the reference BigInt code)", () => {
  it(`adds and multiplies ${CASES * 20} random pairs exactly, or declines`, () => {
    const r = seededRandom(1701);
    let fast = 0;
    for (let i = 0; i < CASES * 20; i++) {
      const a = parsePyDecimal(edgeDecimal(r)) as PyDecimal;
      const b = parsePyDecimal(edgeDecimal(r)) as PyDecimal;
      const fa = toFx(a);
      const fb = toFx(b);
      if (!fa || !fb) continue;
      for (const [op, ref] of [
        [mulR, decMul],
        [addR, decAdd],
      ] as const) {
        if (!op(fa.s, fa.m, fa.v, fa.e, fb.s, fb.m, fb.v, fb.e)) continue;
        fast++;
        const got = decToString(fromFx(R.s, R.m, R.v, R.e));
        const want = decToString(ref(a, b));
        if (got !== want)
          expect({ a: decToString(a), b: decToString(b), op: op.name, got }).toEqual({ want });
      }
    }
    // Most pairs stay in range, so the comparison above is not vacuous.
    expect(fast).toBeGreaterThan(CASES * 10);
  });
});

/** The reference engine: the BigInt pricer and the sorted-service sum, as before the fast path. */
function reference(rules: RuleSetInput, records: UsageRecord[], tenantId?: string) {
  const entries = compileRules(RuleSet.parse(rules), tenantId);
  const prepared = prepareRecords(records);
  const prices = prepared.map((p) => pricePoint(entries.get(p.service), p.qty, p));
  let total = parsePyDecimal("0") as PyDecimal;
  const services = [...new Set(prepared.map((p) => p.service))].sort(pyStrCompare);
  for (const s of services)
    prepared.forEach((p, i) => {
      if (p.service === s) total = decAdd(total, prices[i] as PyDecimal);
    });
  return { total: decToString(total), each: prices.map(decToString) };
}

describe("fast engine = reference engine", () => {
  it(`prices ${CASES} random rule sets × usage to the same text (totals and per record, with tenants)`, () => {
    const r = seededRandom(20261203);
    let compared = 0;
    for (let i = 0; i < CASES; i++) {
      const { rules, records } = drawLocal(r);
      for (const tenantId of [undefined, "t1"]) {
        let want: ReturnType<typeof reference> | "error";
        try {
          want = reference(rules, records, tenantId);
        } catch (error) {
          if (!(error instanceof RatingEngineError)) throw error;
          want = "error";
        }
        const engine = createRatingEngine(rules, tenantId ? { tenantId } : {});
        if (want === "error") {
          expect(() => engine.price(records)).toThrow(RatingEngineError);
          continue;
        }
        const got = { total: engine.price(records), each: engine.pricePerRecord(records) };
        if (JSON.stringify(got) !== JSON.stringify(want))
          expect({ case: i, tenantId, rules, records, got }).toEqual(want);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(CASES);
  });
});

describe("the one-pass total (no negative cost: prices are summed without being kept)", () => {
  it(`equals the sorted sum on ${CASES} random rule sets with their costs made non-negative`, () => {
    const r = seededRandom(31337);
    let compared = 0;
    for (let i = 0; i < CASES; i++) {
      const drawn = drawLocal(r);
      const abs = <T extends { cost: string }>(x: T): T => ({ ...x, cost: x.cost.replace(/^-/, "") });
      const rules: RuleSetInput = {
        ...drawn.rules,
        mappings: (drawn.rules.mappings ?? []).map(abs),
        thresholds: (drawn.rules.thresholds ?? []).map(abs),
      };
      // Many records of several services in arrival order, so the sorted sum differs from the arrival one.
      const records = [...drawn.records, ...drawn.records.slice().reverse(), ...drawn.records];
      let want: string | "error";
      try {
        want = reference(rules, records).total;
      } catch (error) {
        if (!(error instanceof RatingEngineError)) throw error;
        want = "error";
      }
      const engine = createRatingEngine(rules);
      if (want === "error") expect(() => engine.price(records)).toThrow(RatingEngineError);
      else {
        const got = engine.price(records);
        if (got !== want) expect({ case: i, rules, records, got }).toEqual({ want });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(CASES / 2);
  });
});

describe("desc keys that objects inherit", () => {
  // Fields named like Object.prototype's members: a record that lacks the key must not match through the
  // inherited member ("toString" is a function, "__proto__" an object), one that owns it must.
  const names = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"];
  const rules: RuleSetInput = {
    services: [{ service_id: "s1", name: "svc" }],
    fields: names.map((name, i) => ({ field_id: `f${i}`, name, service_id: "s1" })),
    groups: [],
    mappings: names.map((_, i) => ({
      mapping_id: `m${i}`,
      value: "x",
      type: "flat" as const,
      cost: `${i + 1}.5`,
      field_id: `f${i}`,
      service_id: null,
      group_id: null,
      tenant_id: null,
    })),
    thresholds: [],
  };
  const records: UsageRecord[] = [
    { service: "svc", volume: "2", desc: { metadata: {} } },
    {
      service: "svc",
      volume: "2",
      desc: JSON.parse('{"groupby": {"__proto__": "x"}, "metadata": {"valueOf": "x"}}'),
    },
    { service: "svc", volume: "3", desc: { metadata: { toString: "x", constructor: "y" } } },
    {
      service: "svc",
      volume: "1",
      desc: { groupby: Object.assign(Object.create(null), { hasOwnProperty: "x" }) },
    },
  ];

  it("match only keys the desc owns, as the reference does", () => {
    const want = reference(rules, records);
    const engine = createRatingEngine(rules);
    expect({ total: engine.price(records), each: engine.pricePerRecord(records) }).toEqual(want);
    // Flat mappings of one group: the highest wins (3.5 vs 5.5 on the second record).
    expect(want.each).toEqual(["0", "11.0", "4.5", "4.5"]);
  });
});
