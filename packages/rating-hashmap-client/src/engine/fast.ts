/**
 * The engine's hot path: the compiled rule tables of `compile.ts` turned into per-service arrays, so pricing a
 * record costs one lookup per field and no allocation, in the exact arithmetic of `fast-decimal.ts`.
 *
 * What is precomputed, and why it changes nothing CloudKitty computes:
 * - Groups become small integers per service; a record's groups are kept in the order it first touches them,
 *   which is the insertion order of CloudKitty's `_res` dict, and so the order its prices are added in.
 * - Every cost and level gets a rank among all constants of the rule set: `cost > flat` and `level > best`
 *   are then integer comparisons (the operands are always constants of the rule set, never computed values).
 * - Thresholds: `process_thresholds` calls `update_result` for every level ≤ the comparand; the group appears
 *   in `_res` if any matches, and only the highest matching level can win (`level > best`, levels are distinct
 *   dict keys). So per group and per position of the comparand among the scope's sorted levels, the winning
 *   threshold is a table lookup; a comparand's position is found once per distinct value (cached).
 * Whenever a number leaves the exact range, the record is priced again by the reference code (`reference.ts`),
 * which is CloudKitty's algorithm in BigInt decimals.
 */
import { pyStr } from "@meterkit/core/python";
import { addR, type Fx, fromFx, mulR, R, toFx } from "../decimal/fast-decimal.js";
import { decAdd, decCmp, decInt, type PyDecimal } from "../decimal/py-decimal.js";
import type { DescValue } from "../usage.js";
import type { LevelRule, Rule, ServiceEntry } from "./compile.js";
import { type Comparand, pyDecimalOf } from "./python-values.js";

/** A mapping's effect on group `g`. */
interface FastRule {
  readonly g: number;
  readonly rate: boolean;
  readonly cost: Fx;
}
/** A threshold's effect (`service`: its scope). */
interface FastThreshold {
  readonly rate: boolean;
  readonly cost: Fx;
  readonly level: Fx;
  readonly service: boolean;
}
/** The thresholds of one parent: sorted distinct levels, and per group the winner at each position. */
interface ThresholdScope {
  readonly levels: readonly PyDecimal[];
  readonly groups: readonly number[];
  /** `best[j][k]`: the winning threshold of `groups[j]` when `k` levels are ≤ the comparand, or null. */
  readonly best: readonly (readonly (FastThreshold | null)[])[];
}
interface Seen {
  readonly matches: readonly FastRule[];
  k: number;
}
interface FastField {
  readonly name: string;
  /** False when a plain object could inherit the name from Object.prototype ("toString"…): then own-ness is checked. */
  readonly safe: boolean;
  readonly byValue: Map<string, readonly FastRule[]>;
  readonly thresholds: ThresholdScope | undefined;
  /**
   * Per desc value that is not a string without levels to compare: the mappings it matches (by its `str()`)
   * and its position among the field's levels (-1 until known). Cleared when large: flat memory.
   */
  readonly seen: Map<DescValue, Seen>;
}
/** One service, compiled. @internal */
export interface FastService {
  readonly index: number;
  /** False when a constant does not fit the fast form: every record of the service takes the reference path. */
  readonly fast: boolean;
  readonly init: readonly FastRule[];
  readonly thresholds: ThresholdScope | undefined;
  readonly fields: readonly FastField[];
}
/** A parsed volume, shared by every record with the same text. @internal */
export interface Qty {
  readonly dec: PyDecimal;
  readonly fx: Fx | undefined;
  /** Per service index: how many of its service threshold levels are ≤ this quantity (-1: not yet known). */
  readonly positions: Int32Array;
}

const CACHE_LIMIT = 1 << 16;
const NO_RULES: readonly FastRule[] = [];

/** Number of levels ≤ the comparand (levels sorted ascending). */
function position(levels: readonly PyDecimal[], cmp: Comparand): number {
  if ("infinite" in cmp) return cmp.infinite > 0 ? levels.length : 0;
  let lo = 0;
  let hi = levels.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (decCmp(levels[mid] as PyDecimal, cmp) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The compiled rule set and the scratch state of one record. @internal */
export class FastPricer {
  readonly services = new Map<string, FastService>();
  private readonly qtys = new Map<string, Qty>();
  private readonly serviceCount: number;
  /** Whether a cost of the rule set is negative (then prices may have both signs). */
  readonly negative: boolean;
  // Per group of the record being priced (indexes are per service; sized for the largest service).
  private readonly stamp: Int32Array;
  private readonly order: Int32Array;
  private readonly flat: Fx[];
  private readonly thr: FastThreshold[];
  private readonly rs: Float64Array;
  private readonly rm: Float64Array;
  private readonly rv: Float64Array;
  private readonly re: Float64Array;
  private epoch = 0;
  private touched = 0;
  private readonly ZERO: Fx;
  private readonly NONE: FastThreshold;

  constructor(entries: Map<string, ServiceEntry>) {
    const constants: { d: PyDecimal; fx: Fx }[] = [];
    let negative = false;
    const fx = (d: PyDecimal, cost = false): Fx | undefined => {
      if (cost && d.sign === 1 && d.coef !== 0n) negative = true;
      const f = toFx(d);
      if (f) constants.push({ d, fx: f });
      return f;
    };
    this.ZERO = fx(decInt(0)) as Fx;
    this.NONE = { rate: false, cost: this.ZERO, level: fx(decInt(-1)) as Fx, service: false };
    let maxGroups = 1;
    for (const [name, entry] of entries) {
      let fast = true;
      const groups = new Map<string, number>();
      const g = (group: string) => {
        let i = groups.get(group);
        if (i === undefined) {
          i = groups.size;
          groups.set(group, i);
        }
        return i;
      };
      const rule = (group: string, r: Rule): FastRule | undefined => {
        const cost = fx(r.cost, true);
        if (!cost) fast = false;
        return cost ? { g: g(group), rate: r.type === "rate", cost } : undefined;
      };
      const scope = (
        byGroup: Map<string, Map<string, LevelRule>>,
        service: boolean,
      ): ThresholdScope | undefined => {
        if (byGroup.size === 0) return undefined;
        const all = [...byGroup.values()].flatMap((m) => [...m.values()].map((t) => t.level));
        all.sort(decCmp);
        const levels = all.filter((d, i) => i === 0 || decCmp(all[i - 1] as PyDecimal, d) !== 0);
        const groupIds: number[] = [];
        const best: (FastThreshold | null)[][] = [];
        for (const [group, byLevel] of byGroup) {
          groupIds.push(g(group));
          const rules = [...byLevel.values()].map((t) => {
            const cost = fx(t.cost, true);
            const level = fx(t.level);
            if (!cost || !level) fast = false;
            return { t, fast: cost && level ? { rate: t.type === "rate", cost, level, service } : null };
          });
          const table: (FastThreshold | null)[] = [null];
          for (let k = 1; k <= levels.length; k++) {
            // The highest level of this group that is ≤ the k-th sorted level.
            const bound = levels[k - 1] as PyDecimal;
            let win: (typeof rules)[number] | undefined;
            for (const r of rules)
              if (decCmp(r.t.level, bound) <= 0 && (!win || decCmp(r.t.level, win.t.level) > 0)) win = r;
            table.push(win ? win.fast : null);
          }
          best.push(table);
        }
        return { levels, groups: groupIds, best };
      };
      const init = [...entry.mappings].flatMap(([group, r]) => rule(group, r) ?? []);
      const thresholds = scope(entry.thresholds, true);
      const fields: FastField[] = [];
      for (const [fieldName, f] of entry.fields ?? []) {
        const byValue = new Map<string, FastRule[]>();
        for (const [value, list] of f.byValue)
          byValue.set(
            value,
            list.flatMap(([group, r]) => rule(group, r) ?? []),
          );
        fields.push({
          name: fieldName,
          safe: !(fieldName in Object.prototype),
          byValue,
          thresholds: scope(f.thresholds, false),
          seen: new Map(),
        });
      }
      maxGroups = Math.max(maxGroups, groups.size);
      this.services.set(name, { index: this.services.size, fast, init, thresholds, fields });
    }
    this.serviceCount = this.services.size;
    this.negative = negative;
    // Rank every constant: equal values share a rank.
    constants.sort((a, b) => decCmp(a.d, b.d));
    let rank = 0;
    constants.forEach((c, i) => {
      if (i > 0 && decCmp((constants[i - 1] as { d: PyDecimal }).d, c.d) !== 0) rank++;
      c.fx.rank = rank;
    });
    this.stamp = new Int32Array(maxGroups);
    this.order = new Int32Array(maxGroups);
    this.flat = new Array<Fx>(maxGroups).fill(this.ZERO);
    this.thr = new Array<FastThreshold>(maxGroups).fill(this.NONE);
    this.rs = new Float64Array(maxGroups);
    this.rm = new Float64Array(maxGroups);
    this.rv = new Float64Array(maxGroups);
    this.re = new Float64Array(maxGroups);
  }

  /** The parsed quantity of a volume text (`parse` runs once per distinct text). */
  qty(text: string, parse: (text: string) => PyDecimal | undefined): Qty | undefined {
    let q = this.qtys.get(text);
    if (q) return q;
    const dec = parse(text);
    if (!dec) return undefined;
    if (this.qtys.size >= CACHE_LIMIT) this.qtys.clear();
    q = { dec, fx: toFx(dec), positions: new Int32Array(this.serviceCount).fill(-1) };
    this.qtys.set(text, q);
    return q;
  }

  /** A quantity not worth caching (from the validated slow path). */
  qtyOf(dec: PyDecimal): Qty {
    return { dec, fx: toFx(dec), positions: new Int32Array(this.serviceCount).fill(-1) };
  }

  private touch(g: number): void {
    if (this.stamp[g] === this.epoch) return;
    this.stamp[g] = this.epoch;
    this.order[this.touched++] = g;
    this.flat[g] = this.ZERO;
    this.thr[g] = this.NONE;
    this.rs[g] = 0;
    this.rm[g] = 1;
    this.rv[g] = 0;
    this.re[g] = 0;
  }

  /** A mapping's update_result; false when the rate product leaves the exact range. */
  private update(rule: FastRule): boolean {
    const g = rule.g;
    this.touch(g);
    const c = rule.cost;
    if (rule.rate) {
      if (
        !mulR(
          this.rs[g] as number,
          this.rm[g] as number,
          this.rv[g] as number,
          this.re[g] as number,
          c.s,
          c.m,
          c.v,
          c.e,
        )
      )
        return false;
      this.rs[g] = R.s;
      this.rm[g] = R.m;
      this.rv[g] = R.v;
      this.re[g] = R.e;
    } else if (c.rank > (this.flat[g] as Fx).rank) this.flat[g] = c;
    return true;
  }

  private thresholds(scope: ThresholdScope, k: number): void {
    if (k === 0) return;
    const { groups, best } = scope;
    for (let j = 0; j < groups.length; j++) {
      const t = (best[j] as (FastThreshold | null)[])[k];
      if (!t) continue;
      const g = groups[j] as number;
      this.touch(g);
      if (t.level.rank > (this.thr[g] as FastThreshold).level.rank) this.thr[g] = t;
    }
  }

  /**
   * Price one record into `R`. Returns false when the fast path cannot answer exactly (the caller then runs
   * the reference); throws `RatingEngineError` where the server fails.
   */
  price(
    svc: FastService | undefined,
    qty: Qty,
    metadata: Readonly<Record<string, DescValue>> | undefined,
    groupby: Readonly<Record<string, DescValue>> | undefined,
  ): boolean {
    if (!svc) {
      R.s = 0;
      R.m = 0;
      R.v = 0;
      R.e = 0;
      return true;
    }
    const q = qty.fx;
    if (!svc.fast || !q) return false;
    this.epoch = (this.epoch + 1) | 0;
    this.touched = 0;
    const { init, fields } = svc;
    for (let i = 0; i < init.length; i++) if (!this.update(init[i] as FastRule)) return false;
    if (svc.thresholds) {
      let k = qty.positions[svc.index] as number;
      if (k < 0) {
        k = position(svc.thresholds.levels, qty.dec);
        qty.positions[svc.index] = k;
      }
      this.thresholds(svc.thresholds, k);
    }
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as FastField;
      // DataPoint.desc is metadata updated with groupby: groupby wins.
      // A validated desc holds no `undefined`, so `undefined` means absent (own-ness checked for inherited names).
      const name = f.name;
      let value = groupby === undefined ? undefined : groupby[name];
      if (value !== undefined && !f.safe && !Object.hasOwn(groupby as object, name)) value = undefined;
      if (value === undefined) {
        value = metadata === undefined ? undefined : metadata[name];
        if (value !== undefined && !f.safe && !Object.hasOwn(metadata as object, name)) value = undefined;
        if (value === undefined) continue;
      }
      const scope = f.thresholds;
      let matches: readonly FastRule[] | undefined;
      // A number, boolean or None (matched by its str()), or a string compared with levels: one cached entry
      // holds what it matches and, once known, its position among the levels. Lists and dicts are neither
      // cached (no unbounded references to caller data) nor common.
      let seen: Seen | undefined;
      if (typeof value === "object" && value !== null) matches = f.byValue.get(pyStr(value));
      else if (typeof value === "string" && !scope) matches = f.byValue.get(value);
      else {
        seen = f.seen.get(value);
        if (seen === undefined) {
          seen = {
            matches: f.byValue.get(typeof value === "string" ? value : pyStr(value)) ?? NO_RULES,
            k: -1,
          };
          if (f.seen.size >= CACHE_LIMIT) f.seen.clear();
          f.seen.set(value, seen);
        }
        matches = seen.matches;
      }
      if (matches)
        for (let j = 0; j < matches.length; j++) if (!this.update(matches[j] as FastRule)) return false;
      if (scope) {
        // Cached only once known: a value the server fails on throws each time.
        let k = seen === undefined ? -1 : seen.k;
        if (k < 0) {
          k = position(scope.levels, pyDecimalOf(value, name));
          if (seen) seen.k = k;
        }
        this.thresholds(scope, k);
      }
    }
    // add_rating_informations, group by group in _res order, from Decimal(0).
    let ps = 0;
    let pm = 0;
    let pv = 0;
    let pe = 0;
    for (let i = 0; i < this.touched; i++) {
      const g = this.order[i] as number;
      const t = this.thr[g] as FastThreshold;
      const flat = this.flat[g] as Fx;
      let fs = flat.s;
      let fm = flat.m;
      let fv = flat.v;
      let fe = flat.e;
      let rs = this.rs[g] as number;
      let rm = this.rm[g] as number;
      let rv = this.rv[g] as number;
      let re = this.re[g] as number;
      const c = t.cost;
      if (!t.service) {
        if (t.rate) {
          if (!mulR(rs, rm, rv, re, c.s, c.m, c.v, c.e)) return false;
          rs = R.s;
          rm = R.m;
          rv = R.v;
          re = R.e;
        } else if (t !== this.NONE || !flat.plusZeroIsSelf) {
          // (No threshold: `flat += 0`, which is mostly `flat` itself, and then skipped.)
          if (!addR(fs, fm, fv, fe, c.s, c.m, c.v, c.e)) return false;
          fs = R.s;
          fm = R.m;
          fv = R.v;
          fe = R.e;
        }
      }
      if (!mulR(rs, rm, rv, re, fs, fm, fv, fe)) return false;
      if (!mulR(R.s, R.m, R.v, R.e, q.s, q.m, q.v, q.e)) return false;
      if (t.service) {
        const ok = t.rate
          ? mulR(R.s, R.m, R.v, R.e, c.s, c.m, c.v, c.e)
          : addR(R.s, R.m, R.v, R.e, c.s, c.m, c.v, c.e);
        if (!ok) return false;
      }
      // Decimal(0) + x is x itself when x is not zero and its exponent is not positive (Python keeps the
      // smaller exponent, x's); otherwise the general rule.
      if (i === 0 && R.m !== 0 && R.e <= 0) {
        ps = R.s;
        pm = R.m;
        pv = R.v;
        pe = R.e;
        continue;
      }
      if (!addR(ps, pm, pv, pe, R.s, R.m, R.v, R.e)) return false;
      ps = R.s;
      pm = R.m;
      pv = R.v;
      pe = R.e;
    }
    R.s = ps;
    R.m = pm;
    R.v = pv;
    R.e = pe;
    return true;
  }
}

/** A running Python sum from `Decimal(0)`: fast while exact, BigInt decimals after. @internal */
export class Sum {
  s = 0;
  m = 0;
  v = 0;
  e = 0;
  /** Set once the fast form could not hold the sum. */
  exact: PyDecimal | undefined;

  add(s: number, m: number, v: number, e: number): void {
    if (this.exact) this.exact = decAdd(this.exact, fromFx(s, m, v, e));
    else if (addR(this.s, this.m, this.v, this.e, s, m, v, e)) {
      this.s = R.s;
      this.m = R.m;
      this.v = R.v;
      this.e = R.e;
    } else this.exact = decAdd(fromFx(this.s, this.m, this.v, this.e), fromFx(s, m, v, e));
  }

  addDecimal(d: PyDecimal): void {
    const f = this.exact ? undefined : toFx(d);
    if (f) this.add(f.s, f.m, f.v, f.e);
    else this.exact = decAdd(this.exact ?? fromFx(this.s, this.m, this.v, this.e), d);
  }

  value(): PyDecimal {
    return this.exact ?? fromFx(this.s, this.m, this.v, this.e);
  }
}
