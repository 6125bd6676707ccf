/**
 * The order-free total: the exact sum of a quote's prices with the smallest exponent met, which is the quote's
 * own total whatever order CloudKitty adds them in, when no price has the opposite sign of another and the
 * sum's magnitude leaves every price's significant digits inside 28 digits (then every rounding Python does
 * on the way only drops zeros, and the result is the exact sum with exponent `max(min exponent,
 * adjusted(sum) − 27)`; proof in the package README). `price()` sums this way without keeping the prices,
 * and `priceStream` uses it for running totals of records that arrive out of service order.
 */
import { formatDecimal } from "../decimal/py-decimal.js";

/** Coefficient digits of a positive integer, number or bigint. */
function len(x: number | bigint): number {
  if (typeof x === "bigint") return x.toString().length;
  let d = 1;
  for (let p = 10; p <= x && d < 16; p *= 10) d++;
  return d;
}

const MAX = Number.MAX_SAFE_INTEGER;
/** 10^0 … 10^15, exact doubles. */
const P10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The exact sum of the prices, for the order-free total (see the module comment): a safe integer while it
 * fits, a bigint after. `broken` once it proves nothing. @internal
 */
export class ExactSum {
  /** The sum's magnitude is `n × 10^exp` (or `big × 10^exp`). */
  n = 0;
  big: bigint | undefined;
  exp = 0;
  /** The smallest Python exponent met, Decimal(0)'s 0 included. */
  minExp = 0;
  /** The smallest exponent of a non-zero price's value (trailing zeros stripped). */
  minValueExp = Number.POSITIVE_INFINITY;
  /** 1: a positive price met, 2: a negative one. */
  signs = 0;
  broken = false;

  add(s: number, m: number | bigint, e: number, v: number): void {
    if (this.broken) return;
    if (e < this.minExp) this.minExp = e;
    if (m === 0 || m === 0n) return;
    this.signs |= s ? 2 : 1;
    if (this.signs === 3) {
      this.broken = true;
      return;
    }
    if (typeof m === "number") {
      // Trailing zeros off. floor(m / 10) * 10 === m is an exact divisibility test on a safe integer (a
      // multiple of ten divides exactly; no other m comes back), and much cheaper than a floating-point `%`.
      for (let q = Math.floor(m / 10); q * 10 === m; q = Math.floor(m / 10)) {
        m = q;
        v++;
      }
    } else {
      while (m % 10n === 0n) {
        m /= 10n;
        v++;
      }
    }
    if (v < this.minValueExp) this.minValueExp = v;
    if (this.big === undefined && typeof m === "number") {
      if (this.n === 0) {
        this.n = m;
        this.exp = v;
      } else if (v >= this.exp) {
        const k = v - this.exp;
        const x = k <= 15 ? m * (P10[k] as number) : Number.POSITIVE_INFINITY;
        if (x + this.n <= MAX) this.n += x;
        else this.big = BigInt(this.n) + BigInt(m) * 10n ** BigInt(k);
      } else {
        const k = this.exp - v;
        const y = k <= 15 ? this.n * (P10[k] as number) : Number.POSITIVE_INFINITY;
        if (y + m <= MAX) this.n = y + m;
        else this.big = BigInt(this.n) * 10n ** BigInt(k) + BigInt(m);
        this.exp = v;
      }
    } else {
      let big = this.big ?? BigInt(this.n);
      const c = BigInt(m);
      if (big === 0n) {
        big = c;
        this.exp = v;
      } else if (v >= this.exp) big += c * 10n ** BigInt(v - this.exp);
      else {
        big = big * 10n ** BigInt(this.exp - v) + c;
        this.exp = v;
      }
      this.big = big;
    }
    // Beyond this every later rounding may drop a non-zero digit, and the order would matter: the sum has more
    // than L = 28 + minValueExp − exp digits (for a safe integer, below 10^16: n ≥ 10^L).
    if (this.big === undefined) {
      const L = 28 + this.minValueExp - this.exp;
      if (L < 16 && (L <= 0 || this.n >= (P10[L] as number))) this.broken = true;
    } else if (this.exp + len(this.big) - 1 - 27 > this.minValueExp) this.broken = true;
  }
}

/** `str()` of the order-free total of a snapshot of an {@link ExactSum}. @internal */
export function exactText(sum: number | bigint, exp: number, minExp: number, negative: boolean): string {
  if (sum === 0 || sum === 0n) return formatDecimal(0, "0", minExp);
  const e = Math.max(minExp, exp + len(sum) - 1 - 27);
  const big = BigInt(sum);
  const coef = e >= exp ? big / 10n ** BigInt(e - exp) : big * 10n ** BigInt(exp - e);
  return formatDecimal(negative ? 1 : 0, coef.toString(), e);
}
