import { ExpressionOverflowError } from "../errors.js";
import { accuratePow } from "./accurate-pow.js";
import { Complex, cPow, ZERO_DIVISION } from "./complex.js";

function isOddInteger(x: number): boolean {
  return Math.abs(x) % 2 === 1;
}

/**
 * CPython 3.11 `float_pow`: the special cases come first (so `1^nan` and `(-1)^inf` are 1 where JS gives NaN),
 * a negative base with a fractional exponent becomes complex, and a finite result overflowing raises.
 */
export function floatPow(iv: number, iw: number): number | Complex {
  if (iw === 0) return 1;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1 ? 1 : iw;
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1) return 1;
    return iw > 0 === av > 1 ? Math.abs(iw) : 0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0;
  }
  if (iv === 0) {
    if (iw < 0) throw ZERO_DIVISION;
    return isOddInteger(iw) ? iv : 0;
  }
  let negate = false;
  let base = iv;
  if (base < 0) {
    if (iw !== Math.floor(iw)) return complexPow(new Complex(iv, 0), new Complex(iw, 0));
    base = -base;
    negate = isOddInteger(iw);
  }
  if (base === 1) return negate ? -1 : 1;
  const ix = accuratePow(base, iw);
  if (!Number.isFinite(ix)) throw new ExpressionOverflowError("(34, 'Numerical result out of range')");
  return negate ? -ix : ix;
}

/** CPython `complex_pow`: an infinite part is an overflow, EDOM a zero division. */
export function complexPow(a: Complex, b: Complex): Complex {
  const p = cPow(a, b);
  if (Math.abs(p.re) === Infinity || Math.abs(p.im) === Infinity) {
    throw new ExpressionOverflowError("complex exponentiation");
  }
  return p;
}

export { ZERO_DIVISION };
