import { pyFloatRepr } from "@meterkit/core/python";

/**
 * A complex number, as Python produces when a negative number is raised to a fractional power
 * (`(-8)^(1/3)`). It keeps flowing through arithmetic exactly as Python 3.11's `complex` does.
 * @public
 */
export class Complex {
  /** Real part. */
  readonly re: number;
  /** Imaginary part. */
  readonly im: number;

  constructor(re: number, im: number) {
    this.re = re;
    this.im = im;
  }

  /**
   * Python's `str()` of the value, e.g. `(1.0000000000000002+1.7320508075688772j)`: each part in float repr
   * without a forced `.0` (`(1+2j)`, `(1e-05+1j)`, `(1e+16+0j)`), and a `+0` real part left out (`1j`).
   */
  toString(): string {
    const im = pyFloatRepr(this.im, { dotZero: false });
    // CPython's complex_repr prints only the imaginary part, without parentheses, when the real part is +0.
    if (this.re === 0 && !Object.is(this.re, -0)) return `${im}j`;
    // The imaginary part always carries a sign; NaN prints as `+nan` whatever its sign bit.
    const sign = im.startsWith("-") ? "" : "+";
    return `(${pyFloatRepr(this.re, { dotZero: false })}${sign}${im}j)`;
  }
}

/** Thrown where Python raises ZeroDivisionError; a binary step that throws it yields 0.0, as in the original. */
export const ZERO_DIVISION: unique symbol = Symbol("zero division");

/** CPython `_Py_c_prod`. */
export function cProd(ar: number, ai: number, br: number, bi: number): Complex {
  return new Complex(ar * br - ai * bi, ar * bi + ai * br);
}

/** CPython `_Py_c_quot`; throws {@link ZERO_DIVISION} on a zero divisor. */
export function cQuot(ar: number, ai: number, br: number, bi: number): Complex {
  const absBr = br < 0 ? -br : br;
  const absBi = bi < 0 ? -bi : bi;
  if (absBr >= absBi) {
    if (absBr === 0) throw ZERO_DIVISION;
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return new Complex((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
  }
  if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return new Complex((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
  }
  return new Complex(Number.NaN, Number.NaN);
}

function cPowu(x: Complex, n: number): Complex {
  let r = new Complex(1, 0);
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = cProd(r.re, r.im, p.re, p.im);
    mask <<= 1;
    p = cProd(p.re, p.im, p.re, p.im);
  }
  return r;
}

/**
 * CPython 3.11 `complex_pow` without the modulo argument. Returns the value, or throws
 * {@link ZERO_DIVISION}; the caller turns an infinite part into an overflow.
 */
export function cPow(a: Complex, b: Complex): Complex {
  if (b.im === 0 && b.re === Math.floor(b.re) && Math.abs(b.re) <= 100) {
    const n = b.re;
    if (n > 0) return cPowu(a, n);
    const d = cPowu(a, -n);
    return cQuot(1, 0, d.re, d.im);
  }
  if (b.re === 0 && b.im === 0) return new Complex(1, 0);
  if (a.re === 0 && a.im === 0) {
    if (b.im !== 0 || b.re < 0) throw ZERO_DIVISION;
    return new Complex(0, 0);
  }
  const vabs = Math.hypot(a.re, a.im);
  let len = vabs ** b.re;
  const at = Math.atan2(a.im, a.re);
  let phase = at * b.re;
  if (b.im !== 0) {
    len /= Math.exp(at * b.im);
    phase += b.im * Math.log(vabs);
  }
  return new Complex(len * Math.cos(phase), len * Math.sin(phase));
}
