import type { z } from "zod";
import { InvalidValueError } from "../errors.js";

/**
 * Bad options, found by a schema: `field` is the zod issue path of the first issue
 * (`"locations.0.city"`), `issues` holds them all.
 * @public
 */
export class OptionsValidationError extends InvalidValueError {
  /** Every issue zod reported. */
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(owner: string, issues: readonly z.core.$ZodIssue[]) {
    const first = issues[0];
    const field =
      first === undefined || first.path.length === 0 ? undefined : first.path.map(String).join(".");
    super(`${owner}: ${field ?? "options"}: ${first?.message ?? "invalid options"}`, field);
    this.issues = issues;
  }
}

/**
 * Parses `input` with `schema`, or throws {@link OptionsValidationError} naming the field:
 * `new Server(validateOptions(ServerOptionsSchema, raw, "Server"))`.
 * @public
 */
export function validateOptions<S extends z.ZodType>(
  schema: S,
  input: unknown,
  owner = "options",
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new OptionsValidationError(owner, result.error.issues);
  return result.data;
}
