import { inputChecker } from "@meterkit/core";
import { z } from "zod";
import { id } from "./schemas/fields.js";

/** The package name, the prefix of every message. @internal */
export const PACKAGE = "@meterkit/sla-catalog-client";

/** Validates an input with its zod schema before anything is sent (`InvalidInputError` names the field). @internal */
export const check = inputChecker(PACKAGE);

/**
 * The input of a call that names one object by its numeric id, e.g. `{ productId: 9 }`. Operations declare
 * theirs as `lazySchema(() => idInput("productId"))`, so the import builds none.
 * @internal
 */
export function idInput<K extends string>(key: K) {
  return z.strictObject({ [key]: id() } as { [P in K]: ReturnType<typeof id> });
}
