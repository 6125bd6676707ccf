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
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: [
      ...(options.root ? [options.root] : []),
      ...issue.path.map((k) => (typeof k === "number" ? k : String(k))),
    ],
    message: issue.message,
  }));
  throw new InvalidInputError(issues, options.package ? { package: options.package } : {});
}
