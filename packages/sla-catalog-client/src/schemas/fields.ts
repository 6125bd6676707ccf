import { z } from "zod";

const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;

function isRealDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  return (
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value
  );
}

/** Non-empty text up to `max` characters. */
export const text = (max = 255) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
/** A positive 32-bit integer id. */
export const id = () =>
  z.number().int("must be an integer").min(1, "must be ≥ 1").max(2_147_483_647, "must be ≤ 2147483647");
/** A calendar date: `YYYY-MM-DD`, or a `Date` (its UTC day). */
export const day = () =>
  z.union([
    z.string().refine(isRealDay, "must be a real date YYYY-MM-DD"),
    z.date().transform((d) => d.toISOString().slice(0, 10)),
  ]);
/** A decimal amount as a string (numbers are converted); never a binary float on the wire. */
export const decimal = () =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => DECIMAL.test(v), "must be a decimal number with at most 6 decimals");
/** A decimal ≥ 0. */
export const amount = () => decimal().refine((v) => Number(v) >= 0, "must be ≥ 0");
/** A decimal > 0. */
export const positive = () => decimal().refine((v) => Number(v) > 0, "must be > 0");
/** One capital letter, as the tools' `'A'` codes. */
export const letter = () => z.string().regex(/^[A-Z]$/, "must be one capital letter such as A");
/** A 3-letter ISO 4217 currency code. */
export const currency = () => z.string().regex(/^[A-Z]{3}$/, "must be a 3-letter ISO 4217 code such as EUR");
