/**
 * The local rating engine: CloudKitty 17's `HashMap.process` and `add_rating_informations`, step for step,
 * in Python-`Decimal` arithmetic (28 digits, half-even), so prices match `/v1/rating/quote` to the last digit.
 * Records go through the fast path (`fast.ts`, exact or it declines) and, where it declines, the reference
 * (`reference.ts`); a quote's total adds the services in sorted name order, as CloudKitty does.
 */
import { validateInput } from "@meterkit/core";
import { pyStrCompare } from "@meterkit/core/python";
import { fxCoefText, R } from "../decimal/fast-decimal.js";
import { decToString, formatDecimal, type PyDecimal } from "../decimal/py-decimal.js";
import { PKG } from "../inputs.js";
import type { DescValue, UsageRecord } from "../usage.js";
import { instant } from "./active.js";
import { compileRules, type ServiceEntry } from "./compile.js";
import { FastPricer, type FastService, type Qty, Sum } from "./fast.js";
import { ExactSum, exactText } from "./order-free-sum.js";
import { current, parseVolume, prepareRecords, readRecord } from "./records.js";
import { pricePoint } from "./reference.js";
import { RuleSet } from "./rule-set.js";
import { priceStream, type StreamedPrice, type UsageSource } from "./stream.js";

/** `str()` of a sum. @internal */
export function sumText(sum: Sum): string {
  return sum.exact ? decToString(sum.exact) : formatDecimal(sum.s, fxCoefText(sum.m, sum.v, sum.e), sum.e);
}

/** Prices of many records, in struct-of-arrays form: `m` is NaN where the reference priced (see `slow`). */
interface Prices {
  readonly s: Float64Array;
  readonly m: Float64Array;
  readonly v: Float64Array;
  readonly e: Float64Array;
  /** Per record, the index of its service name in `names`. */
  readonly ids: Int32Array;
  readonly names: string[];
  readonly slow: Map<number, PyDecimal>;
}

/** @internal */
export interface Compiled {
  readonly entries: Map<string, ServiceEntry>;
  readonly pricer: FastPricer;
}

/**
 * Price one record into `R` (fast) or return its reference price. `svc`: the service's compiled form, when
 * the caller has looked it up already. @internal
 */
export function priceOne(
  c: Compiled,
  service: string,
  qty: Qty,
  metadata: Readonly<Record<string, DescValue>> | undefined,
  groupby: Readonly<Record<string, DescValue>> | undefined,
  svc: FastService | undefined = c.pricer.services.get(service),
): PyDecimal | undefined {
  if (c.pricer.price(svc, qty, metadata, groupby)) return undefined;
  return pricePoint(c.entries.get(service), qty.dec, { metadata, groupby });
}

/** Service ids in the order the records first name them: a known service by its compiled index, others by name. */
class ServiceIds {
  private readonly known: (number | undefined)[] = [];
  private readonly unknown = new Map<string, number>();
  constructor(private readonly names: string[]) {}

  of(svc: FastService | undefined, service: string): number {
    let id = svc ? this.known[svc.index] : this.unknown.get(service);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(service);
      if (svc) this.known[svc.index] = id;
      else this.unknown.set(service, id);
    }
    return id;
  }
}

/** Keep price `i`: the registers `R`, or the reference's decimal (`m` NaN marks it). */
function keep(out: Prices, i: number, exact: PyDecimal | undefined): void {
  if (exact) {
    out.slow.set(i, exact);
    out.m[i] = Number.NaN;
  } else {
    out.s[i] = R.s;
    out.m[i] = R.m;
    out.v[i] = R.v;
    out.e[i] = R.e;
  }
}

function priceAll(c: Compiled, records: readonly UsageRecord[]): Prices {
  const n = Array.isArray(records) ? records.length : 0;
  const out: Prices = {
    s: new Float64Array(n),
    m: new Float64Array(n),
    v: new Float64Array(n),
    e: new Float64Array(n),
    ids: new Int32Array(n),
    names: [],
    slow: new Map(),
  };
  const { pricer } = c;
  let ids = new ServiceIds(out.names);
  let i = 0;
  for (; i < n; i++) {
    if (!readRecord(records[i])) break;
    const qty = pricer.qty(current.volume, parseVolume);
    if (!qty) break;
    const { service, metadata, groupby } = current;
    const svc = pricer.services.get(service);
    out.ids[i] = ids.of(svc, service);
    keep(out, i, priceOne(c, service, qty, metadata, groupby, svc));
  }
  if (i === n && n > 0) return out;
  // Not every record passed the hand check: zod validates them all (and throws naming the bad one).
  out.names.length = 0;
  out.slow.clear();
  ids = new ServiceIds(out.names);
  prepareRecords(records).forEach((r, j) => {
    const svc = pricer.services.get(r.service);
    out.ids[j] = ids.of(svc, r.service);
    keep(out, j, priceOne(c, r.service, pricer.qtyOf(r.qty), r.metadata, r.groupby, svc));
  });
  return out;
}

/** Format one price of `p`. */
function priceText(p: Prices, i: number): string {
  const m = p.m[i] as number;
  if (Number.isNaN(m)) return decToString(p.slow.get(i) as PyDecimal);
  const e = p.e[i] as number;
  return formatDecimal(p.s[i] as number, fxCoefText(m, p.v[i] as number, e), e);
}

/** Add price `i` of `p` to `sum` (a plain function: a closure per call made V8 re-optimize `total` each time). */
function addPrice(sum: Sum, p: Prices, i: number): void {
  const m = p.m[i] as number;
  if (Number.isNaN(m)) sum.addDecimal(p.slow.get(i) as PyDecimal);
  else sum.add(p.s[i] as number, m, p.v[i] as number, p.e[i] as number);
}

/**
 * The quote's total: the API groups resources by service, then CloudKitty's DataFrame adds the services in
 * `sorted(usage.keys())` order (code points) and sums from Decimal(0) in that order; under 28 digits the order
 * changes the last digit.
 */
function total(p: Prices): string {
  const n = p.ids.length;
  const sum = new Sum();
  if (p.names.length === 1) for (let i = 0; i < n; i++) addPrice(sum, p, i);
  else {
    // A stable counting sort of the records by the rank of their service name.
    const rank = new Int32Array(p.names.length);
    p.names
      .map((name, id) => ({ name, id }))
      .sort((a, b) => pyStrCompare(a.name, b.name))
      .forEach(({ id }, r) => {
        rank[id] = r;
      });
    const start = new Int32Array(p.names.length + 1);
    for (let i = 0; i < n; i++) (start[(rank[p.ids[i] as number] as number) + 1] as number)++;
    for (let r = 0; r < p.names.length; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[(start[rank[p.ids[i] as number] as number] as number)++] = i;
    for (let j = 0; j < n; j++) addPrice(sum, p, order[j] as number);
  }
  return sumText(sum);
}

/**
 * The total in one pass, keeping no price: the order-free sum (`order-free-sum.ts`), which is the quote's
 * total whatever the order of its services. `undefined` when it proves nothing (prices of both signs, a sum
 * whose rounding could drop digits) or a record needs zod: then `price()` keeps every price and sorts.
 */
function orderFreeTotal(c: Compiled, records: readonly UsageRecord[]): string | undefined {
  const n = Array.isArray(records) ? records.length : 0;
  if (n === 0) return undefined;
  const { pricer } = c;
  const sum = new ExactSum();
  for (let i = 0; i < n; i++) {
    if (!readRecord(records[i])) return undefined;
    const qty = pricer.qty(current.volume, parseVolume);
    if (!qty) return undefined;
    const p = priceOne(c, current.service, qty, current.metadata, current.groupby);
    if (p) sum.add(p.sign, p.coef, p.exp, p.exp);
    else sum.add(R.s, R.m, R.e, R.v);
    if (sum.broken) return undefined;
  }
  return exactText(sum.big ?? sum.n, sum.exp, sum.minExp, sum.signs === 2);
}

/** A compiled rule set that prices usage records. @public */
export interface RatingEngine {
  /** The total price of these records, formatted as `/v1/rating/quote` formats it (e.g. `"0E-27"`). */
  price(records: readonly UsageRecord[]): string;
  /** The price of each record, in order (decimal strings). */
  pricePerRecord(records: readonly UsageRecord[]): string[];
  /**
   * Price records as they come (sync or async iterable of records, or of arrays of records), in flat
   * memory: yields each record's price (as `pricePerRecord`) and the running total (as `price()` of the
   * records so far, or `null` when only the whole input could tell; see {@link StreamedPrice.total}).
   * A bad record throws `InvalidInputError` naming `records.<index>` when it is reached.
   * @example
   * ```ts
   * let last: StreamedPrice | undefined;
   * for await (const priced of engine.priceStream(readUsage())) last = priced;
   * console.log(last?.total); // the same text as engine.price(allRecords)
   * ```
   */
  priceStream(records: UsageSource): AsyncIterableIterator<StreamedPrice>;
}

/** Options of {@link createRatingEngine}. @public */
export interface RatingEngineOptions {
  /**
   * Price as CloudKitty's processor does for this tenant: its tenant-specific rules override the tenant-less
   * ones. Leave it out for what `/v1/rating/quote` computes (tenant-less rules only).
   */
  tenantId?: string;
  /**
   * The time to price at (default: now): rules that carry `start`/`end` (newer servers) apply when
   * `start <= at < end`, as the module loads them; `deleted` or `is_active: false` rules never apply.
   */
  at?: Date | string;
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
  const entries = compileRules(parsed, options.tenantId, instant(options.at));
  const compiled: Compiled = { entries, pricer: new FastPricer(entries) };
  return {
    price(records) {
      // With a negative cost, prices of both signs would break the order-free sum midway (a second pass).
      const quick = compiled.pricer.negative ? undefined : orderFreeTotal(compiled, records);
      return quick ?? total(priceAll(compiled, records));
    },
    priceStream(records) {
      return priceStream(compiled, records);
    },
    pricePerRecord(records) {
      const p = priceAll(compiled, records);
      return Array.from({ length: p.ids.length }, (_, i) => priceText(p, i));
    },
  };
}
