import { InvalidInputError, type ValidationIssue } from "../errors.js";

/** Anything with zod's `safeParse`. @public */
export interface InputSchema<T> {
  /** Checks the input without throwing; failures become an `InvalidInputError` naming each field. */
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Validate an operation's input before anything is sent; throws `InvalidInputError` naming every bad field
 * (the zod issue path, prefixed with `root` when given), with the client package's name in the message.
 * @example `const body = validateInput(CreateMapping, input, { package: "@meterkit/rating-hashmap-client" });`
 * @public
 */
export function validateInput<T>(
  schema: InputSchema<T>,
  input: unknown,
  options: { package?: string; root?: string } = {},
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const root = options.root ? [options.root] : [];
  const issues: ValidationIssue[] = result.error.issues.flatMap((issue) => {
    const path = [...root, ...issue.path.map((k) => (typeof k === "number" ? k : String(k)))];
    // zod reports unknown keys on the parent object; name each key instead, so `field` is the culprit.
    const keys = (issue as { code?: string; keys?: readonly string[] }).keys;
    if ((issue as { code?: string }).code === "unrecognized_keys" && keys?.length) {
      // zod's own wording is generic; a schema's custom message (a hint where the key belongs) is kept.
      const message = /^Unrecognized key/.test(issue.message)
        ? "is not a field of this operation"
        : issue.message;
      return keys.map((key) => ({ path: [...path, key], message }));
    }
    return [{ path, message: issue.message }];
  });
  throw new InvalidInputError(issues, options.package ? { package: options.package } : {});
}

/**
 * `validateInput` bound to a package's name: `const check = inputChecker("@meterkit/x");
 * check(Schema, input, "input")`.
 * @public
 */
export function inputChecker(
  packageName: string,
): <T>(schema: InputSchema<T>, input: unknown, root?: string) => T {
  return (schema, input, root) =>
    validateInput(schema, input, root ? { package: packageName, root } : { package: packageName });
}
