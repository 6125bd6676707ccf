/**
 * Decimal strings at the edge. CloudKitty stores `cost` as Numeric(40,28) and `level` as Numeric(20,8); a JSON
 * number goes through a Python float on the way in (`0.7` is stored as `0.69999…`), so costs and levels travel
 * as strings, both ways, and a float is refused before anything is sent (cloudkitty.md §0, §8).
 */
import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { decFromFloat, decToString, parsePyDecimal } from "./py-decimal.js";

/** A decimal value as callers pass it: a decimal string, a bigint, or a safe integer (never a float). @public */
export type DecimalInput = string | bigint | number;

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Count the integer and fraction digits a column must hold for this literal. */
function scaleOf(text: string): { intDigits: number; fracDigits: number } {
  const d = parsePyDecimal(text);
  if (!d || d.coef === 0n) return { intDigits: 0, fracDigits: 0 };
  const coef = d.coef.toString().replace(/0+$/, "");
  const exp = d.exp + (d.coef.toString().length - coef.length);
  return { intDigits: Math.max(0, coef.length + exp), fracDigits: Math.max(0, -exp) };
}

/**
 * A zod schema for a decimal input that the server's column can hold exactly: converts to a plain string.
 * `intDigits`/`fracDigits` are the column's limits (beyond them PostgreSQL fails with a 500 or rounds silently).
 * @internal
 */
export function decimalInput(
  what: string,
  limits: { intDigits: number; fracDigits: number; min?: number; floats?: boolean },
) {
  const required = {
    error: (issue: { input: unknown }) => (issue.input === undefined ? `${what} is required` : undefined),
  };
  return z.union([z.string(), z.bigint(), z.number()], required).transform((value, ctx) => {
    if (typeof value === "number" && !limits.floats && !Number.isSafeInteger(value)) {
      ctx.addIssue({
        code: "custom",
        message: `${what} must be a decimal string (e.g. "0.7") or an integer, not the float ${value}: floats lose digits`,
      });
      return z.NEVER;
    }
    // A JSON number reaches CloudKitty as a Python float and wsme makes it `decimal.Decimal(float)`: the
    // double's exact binary value (0.7 → 0.6999999999999999555…), which the column then rounds. Sending that
    // exact value as text stores the same digits cloudkittyclient's float would.
    const text =
      typeof value === "number" && !Number.isSafeInteger(value)
        ? decToString(decFromFloat(value))
        : String(value).trim();
    if (!PLAIN.test(text)) {
      ctx.addIssue({
        code: "custom",
        message: `${what} must be a decimal number such as "1.5", got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    const { intDigits } = scaleOf(text);
    if (intDigits > limits.intDigits) {
      ctx.addIssue({
        code: "custom",
        message: `${what} has more than ${limits.intDigits} digits before the point`,
      });
      return z.NEVER;
    }
    // More places than the column's scale (limits.fracDigits) are not refused: PostgreSQL rounds them, as it
    // does for the Python client ("2.8499999999999996" as a level is stored as 2.85000000).
    return text;
  });
}

/** `cost` of a mapping or threshold: Numeric(40,28). @internal */
export const CostInput = lazySchema(() =>
  decimalInput("cost", { intDigits: 12, fracDigits: 28, floats: true }),
);
/** `level` of a threshold: Numeric(20,8). @internal */
export const LevelInput = lazySchema(() =>
  decimalInput("level", { intDigits: 12, fracDigits: 8, floats: true }),
);
/** A quote's `volume` (Python Decimal, any size). @internal */
export const VolumeInput = lazySchema(() => decimalInput("volume", { intDigits: 1000, fracDigits: 1000 }));

/** A decimal string as the server sends it (`"1.5000000000000000000000000000"`, `"0E-27"`). @internal */
export const DecimalString = lazySchema(() =>
  z.string().refine((s) => parsePyDecimal(s) !== undefined, "is not a decimal string"),
);
