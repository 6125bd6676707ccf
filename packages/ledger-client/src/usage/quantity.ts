/**
 * Exact quantities. Seconds are integers; hours are `seconds / 3600`, which terminates only when 9 divides
 * the seconds (3600 = 2⁴·3²·5²). Rule: hours (and GB-hours) are exact decimal strings when they terminate
 * (then at most 4 decimals), otherwise rounded half-even to {@link HOURS_SCALE} decimals and marked
 * `exact: false`. Sum the integer seconds, not the rounded hours, when totals must be exact.
 */
import { Decimal } from "decimal.js";

/** Decimals kept when `seconds / 3600` does not terminate. @public */
export const HOURS_SCALE = 6;

// A private clone: the caller's global Decimal settings must not change our figures (and vice versa).
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1e9, toExpPos: 1e9 });

/** An amount of seconds (or GB-seconds) as hours: the decimal text and whether it is exact. @public */
export interface Hours {
  value: string;
  exact: boolean;
}

/** `units / 3600` under the rule above; `units` is an integer or a decimal string (GB-seconds). @internal */
export function toHours(units: number | string): Hours {
  const n = typeof units === "number" ? units : /^\d{1,15}$/.test(units) ? Number(units) : Number.NaN;
  if (Number.isSafeInteger(n) && n >= 0 && n < 3e12) return integerHours(n);
  return decimalHours(units);
}

/**
 * The common case without a Decimal: whole seconds below 3·10¹² (95,000 years). `n / 3600` in units of
 * 10⁻⁴ is `25n / 9` (exact when 9 divides n); otherwise in units of 10⁻⁶ it is `2500n / 9` to the nearest
 * integer (a ninth is never a tie, so nearest is half-even). Checked against {@link decimalHours} in tests;
 * decimal.js there was a hundred times slower per record, the bulk of computeUsage's time.
 * @internal
 */
export function integerHours(n: number): Hours {
  if (n % 9 === 0) return { value: fixed((n / 9) * 25, 4), exact: true };
  // m < 2⁵³, so m, m % 9 and (m - r) / 9 are exact in doubles (m / 9 itself would round).
  const m = n * 2500;
  const r = m % 9;
  return { value: fixed((m - r) / 9 + (r >= 5 ? 1 : 0), HOURS_SCALE), exact: false };
}

function fixed(units: number, scale: number): string {
  const digits = String(units).padStart(scale + 1, "0");
  const fraction = digits.slice(-scale).replace(/0+$/, "");
  const whole = digits.slice(0, -scale);
  return fraction ? `${whole}.${fraction}` : whole;
}

/** `units / 3600` by decimal.js: any size, fractional GB-seconds. @internal */
export function decimalHours(units: number | string): Hours {
  const quotient = new D(units).div(3600);
  const rounded = quotient.toDecimalPlaces(HOURS_SCALE, Decimal.ROUND_HALF_EVEN);
  // Fewer significant digits than the precision and an exact round trip: the quotient terminated.
  const exact = quotient.sd() < 60 && quotient.mul(3600).eq(units);
  return { value: (exact ? quotient : rounded).toString(), exact };
}

/** `seconds × size` exactly, as a decimal string (sizes may be fractional). @internal */
export function times(seconds: number, size: number | string): string {
  if (typeof size === "number" && Number.isInteger(size) && Number.isSafeInteger(seconds * size))
    return String(seconds * size);
  return new D(seconds).mul(size).toString();
}

/** `units / 3600` rounded half-even to `places` decimals, as fixed-point text. @internal */
export function hoursAt(units: string, places: number): string {
  return new D(units).div(3600).toFixed(places, Decimal.ROUND_HALF_EVEN);
}

/** The exact sum of decimal strings. @internal */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce((sum, v) => sum.plus(v), new D(0)).toString();
}
