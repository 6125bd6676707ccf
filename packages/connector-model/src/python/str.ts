import { isPlainObject, pyStr as pyStrOfJson } from "@meterkit/core/python";

/**
 * Python's `str()` of a value, as the original's `str.format` inserts it into paths and log lines:
 * core's `pyStr` for JSON-like values (`None`, `True`, ints as digits, floats in Python's repr, lists and
 * dicts as Python prints them). Any other object prints through its own `toString()`, which for this
 * package's values is their Python `str()` (a `PreciseDateTime` prints as `str(datetime)` does), where
 * core would print its fields as a dict.
 * @internal
 */
export function pyStr(value: unknown): string {
  const isOtherObject =
    typeof value === "function" ||
    typeof value === "symbol" ||
    (typeof value === "object" && value !== null && !Array.isArray(value) && !isPlainObject(value));
  return isOtherObject ? String(value) : pyStrOfJson(value);
}
