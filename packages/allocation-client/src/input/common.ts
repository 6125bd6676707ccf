import { inputChecker } from "@meterkit/core";
import { z } from "zod";
import { PACKAGE } from "../package-name.js";

/** Waldur prints UUIDs as 32 hex digits; its filters and routes also take the dashed form. @internal */
export const Uuid = z
  .string()
  .regex(
    /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
    "must be a UUID (32 hex digits, dashes optional)",
  );

/** DRF caps `page_size` at 300 (`LinkHeaderPagination.max_page_size`); above that it silently serves 300. @internal */
export const PageSize = z.number().int().min(1).max(300);

/** A query value as core writes it: arrays repeat the key. @internal */
export const QueryScalar = z.union([z.string(), z.number(), z.boolean()]);
/** @internal */
export const QueryValue = z.union([QueryScalar, z.array(QueryScalar)]).optional();
/** Free-form Waldur filters (its own snake_case query names). @internal */
export const Filters = z.record(z.string().min(1), QueryValue);

/** One value or a list of values of a choice, as Waldur's repeated-key filters take them. @internal */
export function oneOrMany<T extends readonly [string, ...string[]]>(choices: T) {
  const choice = z.enum(choices);
  return z.union([choice, z.array(choice).min(1)], {
    error: `must be one of ${choices.join(", ")} (case-sensitive), or a list of them`,
  });
}

/** Validate and return the input, or throw `InvalidInputError` naming the field, before sending. @internal */
export const check = inputChecker(PACKAGE);
