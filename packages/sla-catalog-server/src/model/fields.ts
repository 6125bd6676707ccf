import { z } from "zod";
import { type FieldError, validationFailed } from "../http/problem.js";
import { isRealDay } from "./dates.js";

const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;

// Each field below builds a new schema per call, so the resources call them only inside their body schemas'
// builders (core's lazySchema), never at a module's top level: importing the server builds no schema.

/** Non-empty text up to `max` characters (surrounding blanks are trimmed). */
export const text = (max = 255) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
/** A positive 32-bit integer id. */
export const id = () =>
  z.number().int("must be an integer").min(1, "must be ≥ 1").max(2_147_483_647, "must be ≤ 2147483647");
/** A calendar date `YYYY-MM-DD`. */
export const day = () =>
  z
    .string()
    .refine(isRealDay, { message: "must be a real date YYYY-MM-DD", params: { code: "invalid_format" } });
/** A decimal carried as a string (numbers are accepted and converted); `min` is inclusive. */
export const decimal = (min?: number) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => DECIMAL.test(v), {
      message: "must be a decimal number with at most 6 decimals",
      params: { code: "invalid_format" },
    })
    .refine((v) => min === undefined || Number(v) >= min, {
      message: `must be ≥ ${min}`,
      params: { code: "out_of_range" },
    });
/** A 3-letter ISO 4217 currency code. */
export const currency = () => z.string().regex(/^[A-Z]{3}$/, "must be a 3-letter ISO 4217 code such as EUR");

/** Parses `input` with `schema`, or throws a 422 problem listing every field with a stable code. */
export function parseBody<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationFailed(result.error.issues.map((issue) => toFieldError(issue, input)));
}

function toFieldError(issue: z.core.$ZodIssue, input: unknown): FieldError {
  const field = issue.path.map(String).join(".") || "(body)";
  let value: unknown = input;
  for (const key of issue.path)
    value =
      value === null || typeof value !== "object" ? undefined : (value as Record<PropertyKey, unknown>)[key];
  if (issue.code === "invalid_type" && value === undefined)
    return { field, code: "required", message: "is required" };
  if (issue.code === "invalid_value") return { field, code: "invalid_enum", message: issue.message };
  if (issue.code === "too_small" || issue.code === "too_big")
    return {
      field,
      code: typeof value === "string" ? "invalid_length" : "out_of_range",
      message: issue.message,
    };
  if (issue.code === "unrecognized_keys")
    return { field: issue.keys.join(","), code: "unknown_field", message: issue.message };
  if (issue.code === "custom") {
    const code = (issue.params as { code?: string } | undefined)?.code ?? "invalid";
    return { field, code, message: issue.message };
  }
  return { field, code: "invalid_format", message: issue.message };
}
