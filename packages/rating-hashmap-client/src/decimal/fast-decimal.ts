/**
 * Python-`Decimal` arithmetic on plain JS numbers, for the engine's hot path, with a proof of exactness instead
 * of a guess: a value is `(-1)^s × m × 10^v` with `m` a safe integer (below 2^53), kept with Python's own
 * exponent `e ≤ v` (the coefficient Python holds is `m × 10^(v−e)`: trailing zeros included).
 *
 * - A product or sum of safe integers is exact exactly when it stays at or below `Number.MAX_SAFE_INTEGER`
 *   (above it the double is ≥ 2^53, so the check cannot pass by rounding): every operation checks and returns
 *   `false` when it would leave that range, and the caller redoes the work with BigInts (`py-decimal.ts`).
 * - Python rounds a result to 28 significant digits. Here `m` has at most 16 digits, so rounding only ever
 *   drops zeros `m × 10^(v−e)` carries: the value is unchanged and the exponent becomes `v + digits(m) − 28`,
 *   exactly what `_fix` computes (no carry, nothing inexact).
 *
 * Results land in the module's registers (`R`), so the hot loop allocates nothing.
 */
import type { PyDecimal } from "./py-decimal.js";

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);
/** Powers of ten that are exact doubles and safe integers (10^0 … 10^15). */
const P10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** A decimal constant of the fast path, with its rank among every constant of the rule set. @internal */
export class Fx {
  /**
   * Whether `x + Decimal(0)` is `x` itself in Python: the exponent is not positive (the sum keeps the smaller
   * one), the coefficient (`m` and its `v − e` zeros) has at most 28 digits (nothing rounds), and it is not
   * -0 (which becomes +0).
   */
  readonly plusZeroIsSelf: boolean;
  constructor(
    readonly s: number,
    readonly m: number,
    readonly v: number,
    readonly e: number,
    /** Equal values share a rank; a larger value has a larger rank (set when the rule set is compiled). */
    public rank = 0,
  ) {
    this.plusZeroIsSelf = e <= 0 && (m === 0 ? s === 0 : digits(m) + v - e <= 28);
  }
}

/** The result registers of {@link mulR} and {@link addR}. @internal */
export const R = { s: 0, m: 0, v: 0, e: 0 };

/** Digits of a safe integer ≥ 1 (a binary search over the powers of ten: four comparisons). */
function digits(m: number): number {
  if (m < 1e8) {
    if (m < 1e4) return m < 1e2 ? (m < 10 ? 1 : 2) : m < 1e3 ? 3 : 4;
    return m < 1e6 ? (m < 1e5 ? 5 : 6) : m < 1e7 ? 7 : 8;
  }
  if (m < 1e12) return m < 1e10 ? (m < 1e9 ? 9 : 10) : m < 1e11 ? 11 : 12;
  return m < 1e14 ? (m < 1e13 ? 13 : 14) : m < 1e15 ? 15 : 16;
}

/** Python's rounding to 28 digits, which for a 16-digit `m` only raises the exponent. */
function fix(): void {
  if (R.v - R.e > 12 && R.m !== 0) {
    const d = digits(R.m);
    if (d + R.v - R.e > 28) R.e = R.v + d - 28;
  }
}

/** `a * b` into `R`; `false` when it would leave the exact range. @internal */
export function mulR(
  as: number,
  am: number,
  av: number,
  ae: number,
  bs: number,
  bm: number,
  bv: number,
  be: number,
): boolean {
  const m = am * bm;
  if (m > MAX) return false;
  R.s = as ^ bs;
  R.e = ae + be;
  if (m === 0) {
    R.m = 0;
    R.v = R.e;
    return true;
  }
  R.m = m;
  R.v = av + bv;
  fix();
  return true;
}

/** `a + b` into `R` (zeros and their exponents as Python's `__add__`); `false` outside the exact range. @internal */
export function addR(
  as: number,
  am: number,
  av: number,
  ae: number,
  bs: number,
  bm: number,
  bv: number,
  be: number,
): boolean {
  const E = Math.min(ae, be);
  if (am === 0 || bm === 0) {
    if (am === 0 && bm === 0) {
      R.s = as & bs;
      R.m = 0;
      R.v = E;
      R.e = E;
      return true;
    }
    // Python rescales the non-zero operand to the smaller exponent, never below its own exponent − 29.
    if (am === 0) {
      R.s = bs;
      R.m = bm;
      R.v = bv;
      R.e = Math.max(E, be - 29);
    } else {
      R.s = as;
      R.m = am;
      R.v = av;
      R.e = Math.max(E, ae - 29);
    }
    fix();
    return true;
  }
  let x = am;
  let y = bm;
  let V: number;
  if (av < bv) {
    V = av;
    const k = bv - av;
    if (k > 15) return false;
    y = bm * (P10[k] as number);
    if (y > MAX) return false;
  } else {
    V = bv;
    const k = av - bv;
    if (k > 15) return false;
    x = am * (P10[k] as number);
    if (x > MAX) return false;
  }
  if (as === bs) {
    const sum = x + y;
    if (sum > MAX) return false;
    R.s = as;
    R.m = sum;
  } else {
    const diff = x - y;
    if (diff === 0) {
      // An exact zero from opposite signs is +0 under ROUND_HALF_EVEN, at the smaller exponent.
      R.s = 0;
      R.m = 0;
      R.v = E;
      R.e = E;
      return true;
    }
    R.s = diff > 0 ? as : bs;
    R.m = diff > 0 ? diff : -diff;
  }
  R.v = V;
  R.e = E;
  fix();
  return true;
}

/** The fast form of a decimal, or `undefined` when its significant digits do not fit a safe integer. @internal */
export function toFx(d: PyDecimal): Fx | undefined {
  if (d.coef === 0n) return new Fx(d.sign, 0, d.exp, d.exp);
  let c = d.coef;
  let z = 0;
  while (c % 10n === 0n) {
    c /= 10n;
    z++;
  }
  return c > MAX_BIG ? undefined : new Fx(d.sign, Number(c), d.exp + z, d.exp);
}

/** The decimal held in (s, m, v, e). @internal */
export function fromFx(s: number, m: number, v: number, e: number): PyDecimal {
  const coef = m === 0 ? 0n : BigInt(m) * 10n ** BigInt(v - e);
  return { sign: s as 0 | 1, coef, exp: e };
}

/** Python's coefficient digits of (m, v, e): `m` then its `v − e` zeros. @internal */
export function fxCoefText(m: number, v: number, e: number): string {
  return m === 0 ? "0" : v === e ? String(m) : String(m) + "0".repeat(v - e);
}
