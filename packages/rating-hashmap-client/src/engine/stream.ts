/**
 * Streaming prices: records in, one price and one running total out per record, in flat memory.
 *
 * The running total after record i is what `price(records[0..i])` returns. A quote adds its services in
 * sorted name order, and under 28 digits the order of the additions can change the result, so a stream
 * cannot in general know that total without keeping every price. It keeps two sums instead, and answers with
 * whichever is provably the quote's:
 * - the sum in arrival order, which is the quote's own as long as the services have arrived in sorted name
 *   order, one after another (each new service sorts after the previous one);
 * - the exact sum with the smallest exponent met. When no price has the opposite sign of another and the
 *   exact sum's magnitude leaves every price's significant digits inside 28 digits, every rounding Python
 *   does on the way (in any order) only drops zeros, and the result is the exact sum with exponent
 *   `max(min exponent, adjusted(sum) − 27)` whatever the order. (Proof in the package README.)
 * When neither holds the total is `null`: sort the records by service, or use `price()`.
 */
import { validateInput } from "@meterkit/core";
import { pyStrCompare } from "@meterkit/core/python";
import { fxCoefText, R } from "../decimal/fast-decimal.js";
import { decToString, formatDecimal, type PyDecimal, parsePyDecimal } from "../decimal/py-decimal.js";
import { PKG } from "../inputs.js";
import { UsageRecord } from "../usage.js";
import { type Compiled, priceOne } from "./engine.js";
import { Sum } from "./fast.js";
import { ExactSum, exactText } from "./order-free-sum.js";
import { current, parseVolume, readRecord } from "./records.js";

/** One record's price and the running total, as {@link RatingEngine.priceStream} yields them. @public */
export interface StreamedPrice {
  /** Position of the record in the stream (0-based). */
  readonly index: number;
  readonly service: string;
  /** The record's price (as `pricePerRecord` gives it). */
  readonly price: string;
  /**
   * `price()` of every record so far, or `null` when that cannot be known without keeping them: the records
   * came in an order other than sorted by service and the sum rounds under 28 digits.
   */
  readonly total: string | null;
}

/** What {@link RatingEngine.priceStream} reads: records, or arrays of records (chunks), sync or async. @public */
export type UsageSource =
  | AsyncIterable<UsageRecord | readonly UsageRecord[]>
  | Iterable<UsageRecord | readonly UsageRecord[]>;

const NO_TOTAL = 0;
const ARRIVAL_FAST = 1;
const ARRIVAL_EXACT = 2;
const ORDER_FREE = 3;

/** A streamed price; the texts are made when read. */
class Priced implements StreamedPrice {
  // The price: (s, m, v, e), or `exact` when the reference priced it.
  ps = 0;
  pm = 0;
  pv = 0;
  pe = 0;
  exact: PyDecimal | undefined;
  // The total: a mode, then its numbers (or `texact`).
  mode = NO_TOTAL;
  ts = 0;
  tm: number | bigint = 0;
  tv = 0;
  te = 0;
  texact: PyDecimal | undefined;

  constructor(
    readonly index: number,
    readonly service: string,
  ) {}

  get price(): string {
    if (this.exact) return decToString(this.exact);
    return formatDecimal(this.ps, fxCoefText(this.pm, this.pv, this.pe), this.pe);
  }

  get total(): string | null {
    switch (this.mode) {
      case ARRIVAL_FAST:
        return formatDecimal(this.ts, fxCoefText(this.tm as number, this.tv, this.te), this.te);
      case ARRIVAL_EXACT:
        return decToString(this.texact as PyDecimal);
      case ORDER_FREE:
        return exactText(this.tm, this.tv, this.te, this.ts === 1);
      default:
        return null;
    }
  }
}

/**
 * The stream's iterator: records are priced as `next()` asks for them, taken synchronously from a sync
 * source or from the current chunk, so a record costs one resolved promise, not an async generator's queue.
 */
class PriceStream implements AsyncIterableIterator<StreamedPrice> {
  private readonly arrival = new Sum();
  private readonly free = new ExactSum();
  private last: string | undefined;
  private sorted = true;
  private index = 0;
  private sync: Iterator<unknown> | undefined;
  private async: AsyncIterator<unknown> | undefined;
  private chunk: readonly unknown[] | undefined;
  private at = 0;
  private done = false;

  constructor(
    private readonly c: Compiled,
    source: UsageSource,
  ) {
    if (Symbol.asyncIterator in source) this.async = source[Symbol.asyncIterator]();
    else this.sync = source[Symbol.iterator]();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<StreamedPrice>> {
    try {
      for (;;) {
        if (this.done) return Promise.resolve({ value: undefined, done: true });
        if (this.chunk) {
          if (this.at < this.chunk.length)
            return Promise.resolve({ value: this.one(this.chunk[this.at++]), done: false });
          this.chunk = undefined;
        }
        if (!this.sync) return this.pull();
        const item = this.sync.next();
        if (item.done) this.done = true;
        else if (Array.isArray(item.value)) {
          this.chunk = item.value;
          this.at = 0;
        } else return Promise.resolve({ value: this.one(item.value), done: false });
      }
    } catch (error) {
      this.done = true;
      return Promise.reject(error);
    }
  }

  /** The next record from an async source. */
  private async pull(): Promise<IteratorResult<StreamedPrice>> {
    const item = await (this.async as AsyncIterator<unknown>).next();
    if (item.done) {
      this.done = true;
      return { value: undefined, done: true };
    }
    if (!Array.isArray(item.value)) return { value: this.one(item.value), done: false };
    this.chunk = item.value;
    this.at = 0;
    return this.next();
  }

  /** Stop early (a `break` in `for await`): the source is closed too. */
  async return(): Promise<IteratorResult<StreamedPrice>> {
    this.done = true;
    this.chunk = undefined;
    this.sync?.return?.();
    await this.async?.return?.();
    return { value: undefined, done: true };
  }

  private one(record: unknown): Priced {
    const { c, arrival, free } = this;
    let service: string;
    let p: PyDecimal | undefined;
    const qty = readRecord(record) ? c.pricer.qty(current.volume, parseVolume) : undefined;
    if (qty) {
      service = current.service;
      p = priceOne(c, service, qty, current.metadata, current.groupby);
    } else {
      const r = validateInput(UsageRecord, record, { package: PKG, root: `records.${this.index}` });
      service = r.service;
      const q = c.pricer.qtyOf(parsePyDecimal(r.volume) as PyDecimal);
      p = priceOne(c, service, q, r.desc.metadata, r.desc.groupby);
    }
    const out = new Priced(this.index++, service);
    if (p) {
      out.exact = p;
      arrival.addDecimal(p);
      free.add(p.sign, p.coef, p.exp, p.exp);
    } else {
      out.ps = R.s;
      out.pm = R.m;
      out.pv = R.v;
      out.pe = R.e;
      arrival.add(out.ps, out.pm, out.pv, out.pe);
      free.add(out.ps, out.pm, out.pe, out.pv);
    }
    const last = this.last;
    if (this.sorted && last !== undefined && service !== last && pyStrCompare(service, last) < 0)
      this.sorted = false;
    this.last = service;
    if (this.sorted) {
      if (arrival.exact) {
        out.mode = ARRIVAL_EXACT;
        out.texact = arrival.exact;
      } else {
        out.mode = ARRIVAL_FAST;
        out.ts = arrival.s;
        out.tm = arrival.m;
        out.tv = arrival.v;
        out.te = arrival.e;
      }
    } else if (!free.broken) {
      out.mode = ORDER_FREE;
      out.ts = free.signs === 2 ? 1 : 0;
      out.tm = free.big ?? free.n;
      out.tv = free.exp;
      out.te = free.minExp;
    }
    return out;
  }
}

/** Price a stream of records one by one. @internal */
export function priceStream(c: Compiled, source: UsageSource): AsyncIterableIterator<StreamedPrice> {
  return new PriceStream(c, source);
}
