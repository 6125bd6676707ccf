import { isPyInt } from "./repr.js";

/** Python's view of JavaScript values: type names and truthiness, for messages and rules that mirror it. */

/** A `{}` literal or `Object.create(null)`: the JavaScript stand-in for a Python dict. @public */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The Python type name of a JavaScript value (`NoneType`, `bool`, `int`, `float`, `str`, `list`, `dict`,
 * else the class name). `numbers: "float"` names every JS number `float` (where numbers stand for Python
 * floats, as metric-parser's variables do; `bigint` stays `int`); the default names `int` what JSON carries as an int (see `isPyInt`).
 * @public
 */
export function pyTypeName(value: unknown, options: { numbers?: "int-or-float" | "float" } = {}): string {
  if (value === null || value === undefined) return "NoneType";
  switch (typeof value) {
    case "boolean":
      return "bool";
    case "number":
      return options.numbers === "float" || !isPyInt(value) ? "float" : "int";
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

/**
 * Python truthiness (`if value:`): `None`, `False`, `0`, `""`, empty lists, dicts, maps and sets are false;
 * `NaN` and any other object are true.
 * @public
 */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "bigint") return value !== 0n;
  if (typeof value === "string") return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map || value instanceof Set) return value.size > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return true;
}
