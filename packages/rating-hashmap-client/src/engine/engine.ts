/**
 * The local rating engine: CloudKitty 17's `HashMap.process` and `add_rating_informations`, step for step,
 * in Python-`Decimal` arithmetic (28 digits, half-even), so prices match `/v1/rating/quote` to the last digit.
 */
import { validateInput } from "@meterkit/core";
import { pyStr } from "@meterkit/core/python";
import { decAdd, decCmp, decInt, decMul, decToString, type PyDecimal } from "../decimal/py-decimal.js";
import { PKG } from "../inputs.js";
import type { MapType } from "../models.js";
import type { DescValue, UsageRecord } from "../usage.js";
import { compileRules, type LevelRule, type Rule, type ServiceEntry } from "./compile.js";
import { type Comparand, pyDecimalOf } from "./python-values.js";
import { type PricedRecord, prepareRecords } from "./records.js";
import { RuleSet } from "./rule-set.js";

interface GroupResult {
  flat: PyDecimal;
  rate: PyDecimal;
  threshold: { level: PyDecimal; cost: PyDecimal; type: MapType; scope: "field" | "service" };
}

const ZERO = decInt(0);
const ONE = decInt(1);
const MINUS_ONE = decInt(-1);

/** `cmp >= level` with Python's Decimal semantics (infinities compare, NaN was refused earlier). */
function atLeast(cmp: Comparand, level: PyDecimal): boolean {
  return "infinite" in cmp ? cmp.infinite > 0 : decCmp(cmp, level) >= 0;
}

/** Python's `str` ordering: by code point (JS's default sort compares UTF-16 units, which differs above U+FFFF). */
function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0) as number;
    const e = (y[i] as string).codePointAt(0) as number;
    if (d !== e) return d - e;
  }
  return x.length - y.length;
}

/** Price one data point: returns its price as CloudKitty would set it. */
function pricePoint(
  entry: ServiceEntry | undefined,
  qty: PyDecimal,
  desc: Pick<PricedRecord, "metadata" | "groupby">,
): PyDecimal {
  const res = new Map<string, GroupResult>();
  const update = (
    group: string,
    rule: Rule,
    threshold?: { level: PyDecimal; scope: "field" | "service" },
  ) => {
    let r = res.get(group);
    if (!r) {
      // CloudKitty's starting point: flat 0, rate 1, and a "no threshold" at level -1 adding 0.
      r = {
        flat: ZERO,
        rate: ONE,
        threshold: { level: MINUS_ONE, cost: ZERO, type: "flat", scope: "field" },
      };
      res.set(group, r);
    }
    if (threshold) {
      if (decCmp(threshold.level, r.threshold.level) > 0)
        r.threshold = { level: threshold.level, cost: rule.cost, type: rule.type, scope: threshold.scope };
    } else if (rule.type === "rate") r.rate = decMul(r.rate, rule.cost);
    else if (decCmp(rule.cost, r.flat) > 0) r.flat = rule.cost;
  };
  const thresholds = (
    groups: Map<string, Map<string, LevelRule>>,
    cmp: Comparand,
    scope: "field" | "service",
  ) => {
    for (const [group, byLevel] of groups)
      for (const t of byLevel.values())
        if (atLeast(cmp, t.level)) update(group, t, { level: t.level, scope });
  };
  if (entry) {
    for (const [group, rule] of entry.mappings) update(group, rule);
    thresholds(entry.thresholds, qty, "service");
    for (const [fieldName, scope] of entry.fields ?? []) {
      // DataPoint.desc is metadata updated with groupby: groupby wins.
      let value: DescValue;
      if (desc.groupby && Object.hasOwn(desc.groupby, fieldName))
        value = desc.groupby[fieldName] as DescValue;
      else if (desc.metadata && Object.hasOwn(desc.metadata, fieldName))
        value = desc.metadata[fieldName] as DescValue;
      else continue;
      const text = pyStr(value);
      const matches = scope.byValue.get(text);
      if (matches) for (const [group, rule] of matches) update(group, rule);
      if (scope.thresholds.size > 0) thresholds(scope.thresholds, pyDecimalOf(value, fieldName), "field");
    }
  }
  let price = ZERO;
  for (const r of res.values()) {
    let { rate, flat } = r;
    const t = r.threshold;
    if (t.scope === "field") {
      if (t.type === "flat") flat = decAdd(flat, t.cost);
      else rate = decMul(rate, t.cost);
    }
    let value = decMul(decMul(rate, flat), qty);
    if (t.scope === "service") value = t.type === "flat" ? decAdd(value, t.cost) : decMul(value, t.cost);
    price = decAdd(price, value);
  }
  return price;
}

/** A compiled rule set that prices usage records. @public */
export interface RatingEngine {
  /** The total price of these records, formatted as `/v1/rating/quote` formats it (e.g. `"0E-27"`). */
  price(records: readonly UsageRecord[]): string;
  /** The price of each record, in order (decimal strings). */
  pricePerRecord(records: readonly UsageRecord[]): string[];
}

/** Options of {@link createRatingEngine}. @public */
export interface RatingEngineOptions {
  /**
   * Price as CloudKitty's processor does for this tenant: its tenant-specific rules override the tenant-less
   * ones. Leave it out for what `/v1/rating/quote` computes (tenant-less rules only).
   */
  tenantId?: string;
}

/**
 * Compile HashMap rules (fetched with `fetchRuleSet` or defined locally) into a local rating engine that
 * computes exactly what CloudKitty's HashMap module charges, in decimal arithmetic.
 * @example
 * ```ts
 * const engine = createRatingEngine(await fetchRuleSet(hashmap));
 * engine.price([{ service: "instance", volume: "1", desc: { metadata: { flavor_id: "m1.small" } } }]); // "3.000000000000000000000000000"
 * ```
 * @public
 */
export function createRatingEngine(rules: RuleSet, options: RatingEngineOptions = {}): RatingEngine {
  const parsed = validateInput(RuleSet, rules, { package: PKG, root: "rules" });
  const entries = compileRules(parsed, options.tenantId);
  const points = (records: readonly UsageRecord[]): PyDecimal[] =>
    prepareRecords(records).map((r) => pricePoint(entries.get(r.service), r.qty, r));
  return {
    price(records) {
      const prices = points(records);
      // The API groups resources by service, then CloudKitty's DataFrame.from_dict adds the services in
      // `sorted(usage.keys())` order (code point order, not UTF-16's) and the orchestrator sums from
      // Decimal(0) in that order: under 28 digits the order changes the last digit.
      const order = new Map<string, number[]>();
      records.forEach((r, i) => {
        const list = order.get(r.service);
        if (list) list.push(i);
        else order.set(r.service, [i]);
      });
      let total = ZERO;
      for (const service of [...order.keys()].sort(byCodePoint))
        for (const i of order.get(service) as number[]) total = decAdd(total, prices[i] as PyDecimal);
      return decToString(total);
    },
    pricePerRecord(records) {
      return points(records).map(decToString);
    },
  };
}
