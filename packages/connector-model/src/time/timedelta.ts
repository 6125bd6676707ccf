import { pyTypeName } from "@meterkit/core/python";
import { InvalidTypeError } from "../errors.js";

/**
 * Microseconds of Python's `timedelta(seconds=value)`, reproducing CPython's rounding exactly:
 * the integral part is exact, the fraction is scaled with float arithmetic and the leftover is
 * rounded half to even (`0.0000005 s` → 0 µs, `0.0000015 s` → 2 µs).
 * @internal
 */
export function secondsToMicroseconds(value: unknown, field: string): bigint {
  if (typeof value === "boolean") return value ? 1_000_000n : 0n;
  if (typeof value === "bigint") return value * 1_000_000n;
  if (typeof value !== "number") {
    throw new InvalidTypeError(
      `${field}: unsupported type for timedelta seconds component: ${pyTypeName(value)}`,
      field,
    );
  }
  if (Number.isInteger(value)) return BigInt(value) * 1_000_000n;
  const intPart = Math.trunc(value);
  let us = BigInt(intPart) * 1_000_000n;
  const scaled = (value - intPart) * 1e6;
  const scaledInt = Math.trunc(scaled);
  us += BigInt(scaledInt);
  const leftover = scaled - scaledInt;
  if (leftover !== 0) {
    let whole = cRound(leftover);
    if (Math.abs(whole - leftover) === 0.5) {
      const odd = us % 2n !== 0n ? 1 : 0;
      whole = 2 * cRound((leftover + odd) * 0.5) - odd;
    }
    us += BigInt(whole);
  }
  return us;
}

// C's round(): halves away from zero (JavaScript's Math.round rounds -2.5 to -2).
function cRound(x: number): number {
  const whole = Math.trunc(x);
  const rest = x - whole; // exact for |x| < 2^52
  if (rest >= 0.5) return whole + 1;
  if (rest <= -0.5) return whole - 1;
  return whole;
}

/**
 * Python's `a + b` for the numbers of an interval: numbers and bools add, anything else is the
 * original's `TypeError`.
 * @internal
 */
export function pyAdd(a: unknown, b: unknown, field: string): number | bigint {
  const x = numeric(a);
  const y = numeric(b);
  if (x === undefined || y === undefined) {
    throw new InvalidTypeError(
      `${field}: unsupported operand type(s) for +: '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
      field,
    );
  }
  if (typeof x === "bigint" || typeof y === "bigint") {
    if (typeof x === "bigint" && typeof y === "bigint") return x + y;
    return Number(x) + Number(y);
  }
  return x + y;
}

function numeric(value: unknown): number | bigint | undefined {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number" || typeof value === "bigint") return value;
  return undefined;
}
