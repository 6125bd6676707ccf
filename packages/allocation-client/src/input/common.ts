import { inputChecker, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { PACKAGE } from "../package-name.js";

// The input schemas are built on their first use, not by the import (lazySchema): a provider agent run is
// often one short process that calls a few operations.

/** Waldur prints UUIDs as 32 hex digits; its filters and routes also take the dashed form. @internal */
export const Uuid = lazySchema(() =>
  z
    .string()
    .regex(
      /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
      "must be a UUID (32 hex digits, dashes optional)",
    ),
);

/** DRF caps `page_size` at 300 (`LinkHeaderPagination.max_page_size`); above that it silently serves 300. @internal */
export const PageSize = lazySchema(() => z.number().int().min(1).max(300));

/** A query value as core writes it: arrays repeat the key. @internal */
export const QueryScalar = lazySchema(() => z.union([z.string(), z.number(), z.boolean()]));
/** @internal */
export const QueryValue = lazySchema(() => z.union([QueryScalar, z.array(QueryScalar)]).optional());
/** Free-form Waldur filters (its own snake_case query names). @internal */
export const Filters = lazySchema(() => z.record(z.string().min(1), QueryValue));

/** One value or a list of values of a choice, as Waldur's repeated-key filters take them. @internal */
export function oneOrMany<T extends readonly [string, ...string[]]>(choices: T) {
  const choice = z.enum(choices);
  return z.union([choice, z.array(choice).min(1)], {
    error: `must be one of ${choices.join(", ")} (case-sensitive), or a list of them`,
  });
}

/** Validate and return the input, or throw `InvalidInputError` naming the field, before sending. @internal */
export const check = inputChecker(PACKAGE);
