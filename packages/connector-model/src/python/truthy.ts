/**
 * Python truthiness, because the original tests `if value:` in several places
 * (falsy `connections` fall back to the default, `Account` drops a falsy id).
 * An empty plain object stands for an empty dict; any other object (a model instance) is truthy.
 */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === "number") return value !== 0; // NaN is truthy in Python
  if (typeof value === "bigint") return value !== 0n;
  if (typeof value === "string") return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map || value instanceof Set) return value.size > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}

/** A `{}` literal or `Object.create(null)`: the JavaScript stand-in for a Python dict. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The Python type name of a JavaScript value, for messages that mirror the original's. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  switch (typeof value) {
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "bigint":
      return "int";
    case "string":
      return "str";
    default:
      if (Array.isArray(value)) return "list";
      if (isPlainObject(value) || value instanceof Map) return "dict";
      return (value as object).constructor?.name ?? "object";
  }
}
