/**
 * Decimal strings at the edge. CloudKitty stores `cost` as Numeric(40,28) and `level` as Numeric(20,8); a JSON
 * number goes through a Python float on the way in (`0.7` is stored as `0.69999…`), so costs and levels travel
 * as strings, both ways, and a float is refused before anything is sent (cloudkitty.md §0, §8).
 */
import { z } from "zod";
import { parsePyDecimal } from "./py-decimal.js";

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
export function decimalInput(what: string, limits: { intDigits: number; fracDigits: number; min?: number }) {
  return z.union([z.string(), z.bigint(), z.number()]).transform((value, ctx) => {
    if (typeof value === "number" && !Number.isSafeInteger(value)) {
      ctx.addIssue({
        code: "custom",
        message: `${what} must be a decimal string (e.g. "0.7") or an integer, not the float ${value}: floats lose digits`,
      });
      return z.NEVER;
    }
    const text = String(value).trim();
    if (!PLAIN.test(text)) {
      ctx.addIssue({
        code: "custom",
        message: `${what} must be a decimal number such as "1.5", got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    const { intDigits, fracDigits } = scaleOf(text);
    if (intDigits > limits.intDigits) {
      ctx.addIssue({
        code: "custom",
        message: `${what} has more than ${limits.intDigits} digits before the point`,
      });
      return z.NEVER;
    }
    if (fracDigits > limits.fracDigits) {
      ctx.addIssue({
        code: "custom",
        message: `${what} has more than ${limits.fracDigits} decimal places; the server would round it`,
      });
      return z.NEVER;
    }
    return text;
  });
}

/** `cost` of a mapping or threshold: Numeric(40,28). @internal */
export const CostInput = decimalInput("cost", { intDigits: 12, fracDigits: 28 });
/** `level` of a threshold: Numeric(20,8). @internal */
export const LevelInput = decimalInput("level", { intDigits: 12, fracDigits: 8 });
/** A quote's `volume` (Python Decimal, any size). @internal */
export const VolumeInput = decimalInput("volume", { intDigits: 1000, fracDigits: 1000 });

/** A decimal string as the server sends it (`"1.5000000000000000000000000000"`, `"0E-27"`). @internal */
export const DecimalString = z
  .string()
  .refine((s) => parsePyDecimal(s) !== undefined, "is not a decimal string");
