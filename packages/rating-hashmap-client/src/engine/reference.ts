/**
 * The reference pricer: CloudKitty 17's `HashMap.process` and `add_rating_informations`, step for step, in
 * BigInt Python-`Decimal` arithmetic (28 digits, half-even). The fast path (`fast.ts`) hands every record it
 * cannot price exactly to this code, and the tests hold the two equal.
 */
import { pyStr } from "@meterkit/core/python";
import { decAdd, decCmp, decInt, decMul, type PyDecimal } from "../decimal/py-decimal.js";
import type { MapType } from "../models.js";
import type { DescValue } from "../usage.js";
import type { LevelRule, Rule, ServiceEntry } from "./compile.js";
import { type Comparand, pyDecimalOf } from "./python-values.js";

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

/** Price one data point: returns its price as CloudKitty would set it. @internal */
export function pricePoint(
  entry: ServiceEntry | undefined,
  qty: PyDecimal,
  desc: {
    readonly metadata: Readonly<Record<string, DescValue>> | undefined;
    readonly groupby: Readonly<Record<string, DescValue>> | undefined;
  },
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
