/**
 * A finite decimal with Python `decimal.Decimal` semantics, the arithmetic CloudKitty prices with.
 *
 * CloudKitty's HashMap module multiplies and adds `Decimal`s under Python's default context: 28 significant
 * digits, ROUND_HALF_EVEN, exponents (trailing zeros) kept. The quote's text (`"3.000000000000000000000000000"`,
 * `"0E-27"`) depends on all of that, so the local engine reproduces it exactly instead of using a generic
 * decimal library: coefficient as BigInt, exponent as number, sign kept separately (Python has -0).
 */

/** Python's default context precision. */
const PREC = 28;
const TEN = 10n;
// Powers of ten, computed once: the hot paths (rescaling, rounding) would otherwise allocate a BigInt each time.
const POW10: bigint[] = [1n];
for (let i = 1; i <= 128; i++) POW10.push((POW10[i - 1] as bigint) * TEN);
const LIMIT = POW10[PREC] as bigint;

function pow10(n: number): bigint {
  return POW10[n] ?? TEN ** BigInt(n);
}

/** An immutable finite decimal: `(-1)^sign × coef × 10^exp`. @internal */
export interface PyDecimal {
  readonly sign: 0 | 1;
  readonly coef: bigint;
  readonly exp: number;
}

/** The integer `n` as a decimal (Python mixes ints into Decimal arithmetic exactly). @internal */
export function decInt(n: bigint | number): PyDecimal {
  const big = BigInt(n);
  return { sign: big < 0n ? 1 : 0, coef: big < 0n ? -big : big, exp: 0 };
}

const DECIMAL_TEXT = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;

/**
 * Parse a finite decimal literal exactly as `decimal.Decimal(text)` keeps it (`"1.50"` has exponent -2).
 * Returns `undefined` for anything else (infinities and NaN included).
 * @internal
 */
export function parsePyDecimal(text: string): PyDecimal | undefined {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return undefined;
  const intPart = m[2] ?? "";
  const fracPart = m[3] ?? m[4] ?? "";
  const exp = Number(m[5] ?? "0") - fracPart.length;
  if (!Number.isSafeInteger(exp)) return undefined;
  return { sign: m[1] === "-" ? 1 : 0, coef: BigInt(`${intPart}${fracPart}` || "0"), exp };
}

function digits(coef: bigint): number {
  return coef === 0n ? 1 : coef.toString().length;
}

/** Python's `_fix` for our purposes: round to 28 significant digits, half to even. */
function fix(sign: 0 | 1, coef: bigint, exp: number): PyDecimal {
  if (coef < LIMIT) return { sign, coef, exp };
  const n = digits(coef);
  const drop = n - PREC;
  const div = pow10(drop);
  let q = coef / div;
  const r = coef % div;
  const half = div / 2n;
  if (r > half || (r === half && q % 2n === 1n)) q += 1n;
  let e = exp + drop;
  if (q >= LIMIT) {
    q /= TEN;
    e += 1;
  }
  return { sign, coef: q, exp: e };
}

/** `a * b` as Python computes it. @internal */
export function decMul(a: PyDecimal, b: PyDecimal): PyDecimal {
  return fix((a.sign ^ b.sign) as 0 | 1, a.coef * b.coef, a.exp + b.exp);
}

/** `a + b` as Python computes it (including the sign and exponent of zero results). @internal */
export function decAdd(a: PyDecimal, b: PyDecimal): PyDecimal {
  let exp = Math.min(a.exp, b.exp);
  if (a.coef === 0n && b.coef === 0n) return fix(Math.min(a.sign, b.sign) as 0 | 1, 0n, exp);
  if (a.coef === 0n || b.coef === 0n) {
    // Python rescales the non-zero operand to the smaller exponent, but never below exp - prec - 1.
    const other = a.coef === 0n ? b : a;
    exp = Math.max(exp, other.exp - PREC - 1);
    return fix(other.sign, other.coef * pow10(other.exp - exp), exp);
  }
  const x = a.sign ? -(a.coef * pow10(a.exp - exp)) : a.coef * pow10(a.exp - exp);
  const y = b.sign ? -(b.coef * pow10(b.exp - exp)) : b.coef * pow10(b.exp - exp);
  const sum = x + y;
  // An exact zero from opposite signs is +0 under ROUND_HALF_EVEN.
  if (sum === 0n) return fix(0, 0n, exp);
  return fix(sum < 0n ? 1 : 0, sum < 0n ? -sum : sum, exp);
}

/** Numeric comparison: -1, 0 or 1 (zeros compare equal whatever their sign or exponent). @internal */
export function decCmp(a: PyDecimal, b: PyDecimal): -1 | 0 | 1 {
  const sa = a.coef === 0n ? 0 : a.sign ? -1 : 1;
  const sb = b.coef === 0n ? 0 : b.sign ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const exp = Math.min(a.exp, b.exp);
  const x = a.coef * pow10(a.exp - exp);
  const y = b.coef * pow10(b.exp - exp);
  if (x === y) return 0;
  return x < y === sa > 0 ? -1 : 1;
}

/** `str(Decimal)`: Python's to-scientific-string, e.g. `"3.000"`, `"0E-27"`, `"1E+3"`. @internal */
export function decToString(d: PyDecimal): string {
  return formatDecimal(d.sign, d.coef.toString(), d.exp);
}

/** `str(Decimal)` of sign, coefficient digits and exponent. @internal */
export function formatDecimal(sign: number, coef: string, exp: number): string {
  const leftDigits = exp + coef.length;
  const dotPlace = exp <= 0 && leftDigits > -6 ? leftDigits : 1;
  let intPart: string;
  let fracPart: string;
  if (dotPlace <= 0) {
    intPart = "0";
    fracPart = `.${"0".repeat(-dotPlace)}${coef}`;
  } else if (dotPlace >= coef.length) {
    intPart = coef + "0".repeat(dotPlace - coef.length);
    fracPart = "";
  } else {
    intPart = coef.slice(0, dotPlace);
    fracPart = `.${coef.slice(dotPlace)}`;
  }
  const e =
    leftDigits === dotPlace ? "" : `E${leftDigits - dotPlace >= 0 ? "+" : ""}${leftDigits - dotPlace}`;
  return `${sign ? "-" : ""}${intPart}${fracPart}${e}`;
}

/** `Decimal(x)` for a binary float: the exact value of the double, as Python converts it. @internal */
export function decFromFloat(x: number): PyDecimal {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const sign: 0 | 1 = x < 0 || Object.is(x, -0) ? 1 : 0;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let e2 = biased === 0 ? -1074 : biased - 1075;
  if (biased !== 0) mant |= 1n << 52n;
  if (mant === 0n) return { sign, coef: 0n, exp: 0 };
  while ((mant & 1n) === 0n) {
    mant >>= 1n;
    e2 += 1;
  }
  // m × 2^e2 with e2 < 0 is (m × 5^-e2) × 10^e2: exact, as Python's from_float.
  if (e2 >= 0) return { sign, coef: mant << BigInt(e2), exp: 0 };
  return { sign, coef: mant * 5n ** BigInt(-e2), exp: e2 };
}
