/**
 * The engine's fast path (plain-number decimals, precomputed tables) against the reference code it replaced
 * (BigInt decimals, CloudKitty's algorithm step for step; itself checked against the real server in
 * engine-vs-server.test.ts): the same text for every price and total, on random operands and rule sets built
 * to sit at the edges of the fast path's range (2^53, 28 digits, exponent spreads, zeros of either sign).
 */
import { seededRandom } from "@meterkit/core/testing";
import { describe, expect, it } from "vitest";
import { addR, fromFx, mulR, R, toFx } from "../src/decimal/fast-decimal.js";
import { decAdd, decMul, decToString, type PyDecimal, parsePyDecimal } from "../src/decimal/py-decimal.js";
import { compileRules } from "../src/engine/compile.js";
import { byCodePoint } from "../src/engine/engine.js";
import { prepareRecords } from "../src/engine/records.js";
import { pricePoint } from "../src/engine/reference.js";
import { RuleSet } from "../src/engine/rule-set.js";
import { createRatingEngine, RatingEngineError, type UsageRecord } from "../src/index.js";

const CASES = Number(process.env.MK_HASHMAP_FAST_CASES ?? 3000);
type Rnd = () => number;
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** A decimal near the fast path's edges: few or many digits, coefficients around 2^53, zeros, big exponents. */
function edgeDecimal(r: Rnd): string {
  const kind = r();
  const sign = r() < 0.2 ? "-" : "";
  if (kind < 0.1)
    return `${sign}0${pick(r, ["", ".0", ".000", "E-30", "E+5", ".0000000000000000000000000000"])}`;
  if (kind < 0.25) {
    const near = 2n ** 53n + BigInt(Math.floor(r() * 2001) - 1000);
    return `${sign}${near}E${Math.floor(r() * 61) - 30}`;
  }
  if (kind < 0.35) return `${sign}${"9".repeat(1 + Math.floor(r() * 28))}E${Math.floor(r() * 41) - 20}`;
  const digits = 1 + Math.floor(r() * (kind < 0.8 ? 6 : 20));
  let coef = String(1 + Math.floor(r() * 9));
  for (let i = 1; i < digits; i++) coef += Math.floor(r() * 10);
  const zeros = r() < 0.5 ? "0".repeat(Math.floor(r() * 30)) : "";
  return `${sign}${coef}${zeros}E${Math.floor(r() * 71) - 40}`;
}

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
function reference(rules: RuleSet, records: UsageRecord[], tenantId?: string) {
  const entries = compileRules(RuleSet.parse(rules), tenantId);
  const prepared = prepareRecords(records);
  const prices = prepared.map((p) => pricePoint(entries.get(p.service), p.qty, p));
  let total = parsePyDecimal("0") as PyDecimal;
  const services = [...new Set(prepared.map((p) => p.service))].sort(byCodePoint);
  for (const s of services)
    prepared.forEach((p, i) => {
      if (p.service === s) total = decAdd(total, prices[i] as PyDecimal);
    });
  return { total: decToString(total), each: prices.map(decToString) };
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A random local rule set with costs the fast path can hold (and some it cannot), plus usage for it. */
function drawLocal(r: Rnd) {
  let n = 0;
  const services = ["a", "b", "c𝔘", "c"]
    .slice(0, 1 + Math.floor(r() * 4))
    .map((name) => ({ service_id: uuid(n++), name }));
  const groups = Array.from({ length: Math.floor(r() * 4) }, (_, i) => ({
    group_id: uuid(n++),
    name: `g${i}`,
  }));
  const fields = services.flatMap((s) =>
    ["f0", "f1", "f2"]
      .slice(0, Math.floor(r() * 4))
      .map((name) => ({ field_id: uuid(n++), name, service_id: s.service_id })),
  );
  const cost = () =>
    r() < 0.7
      ? pick(r, ["0", "1", "0.5", "-1", "2.25", "1.21", "0.0001", "0.9", "3", "10"]) +
        (r() < 0.5 ? "0".repeat(Math.floor(r() * 26)) : "")
      : edgeDecimal(r).replace(/E.*$/, "").slice(0, 30);
  const withDot = (x: string) =>
    x.includes(".") || r() < 0.5 ? x : `${x}.${"0".repeat(Math.floor(r() * 28))}`;
  const common = () => ({
    type: pick(r, ["flat", "rate"] as const),
    cost: withDot(cost()),
    group_id: groups.length > 0 && r() < 0.7 ? pick(r, groups).group_id : null,
    tenant_id: r() < 0.15 ? "t1" : null,
  });
  const levels = ["0", "1", "5", "10", "10.00000000", "100", "2048", "-2", "0.5", "4096.5"];
  const mappings = [];
  const thresholds = [];
  for (const s of services) {
    for (let i = Math.floor(r() * 3); i > 0; i--)
      mappings.push({
        mapping_id: uuid(n++),
        value: null,
        service_id: s.service_id,
        field_id: null,
        ...common(),
      });
    for (let i = Math.floor(r() * 3); i > 0; i--)
      thresholds.push({
        threshold_id: uuid(n++),
        level: pick(r, levels),
        service_id: s.service_id,
        field_id: null,
        ...common(),
      });
  }
  for (const f of fields) {
    for (let i = Math.floor(r() * 6); i > 0; i--)
      mappings.push({
        mapping_id: uuid(n++),
        value: pick(r, ["v0", "v1", "4096", "True", "None", "0.5"]),
        service_id: null,
        field_id: f.field_id,
        ...common(),
      });
    if (r() < 0.5)
      for (let i = 1 + Math.floor(r() * 4); i > 0; i--)
        thresholds.push({
          threshold_id: uuid(n++),
          level: pick(r, levels),
          service_id: null,
          field_id: f.field_id,
          ...common(),
        });
  }
  const values = ["v0", "v1", "4096", 4096, 0.5, true, null, "2048", " 10 ", "1e400", "-Infinity", 7, 1e-7];
  const records: UsageRecord[] = Array.from({ length: 1 + Math.floor(r() * 12) }, () => {
    const desc = {
      metadata: {} as Record<string, string | number | boolean | null>,
      groupby: {} as Record<string, string | number | boolean | null>,
    };
    for (const name of ["f0", "f1", "f2"])
      if (r() < 0.7) desc[r() < 0.3 ? "groupby" : "metadata"][name] = pick(r, values);
    return {
      service: r() < 0.1 ? "absent" : pick(r, services).name,
      volume: pick(r, [
        "1",
        "3",
        "0.25",
        "2048",
        "0",
        "1e2",
        "12.3456789012345678901234567890123",
        "9007199254740993",
        "-1",
      ]),
      desc,
    };
  });
  return { rules: { services, groups, fields, mappings, thresholds } as RuleSet, records };
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
