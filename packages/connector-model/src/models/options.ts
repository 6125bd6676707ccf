import { isPlainObject } from "@meterkit/core/python";
import { InvalidTypeError, InvalidValueError } from "../errors.js";
import type { Clock } from "../time/clock.js";
import type { DateQuirk } from "../time/ymd.js";

/** Options every `serialize()` accepts. @public */
export interface SerializeOptions {
  /** Overrides the instance's clock for `base.last_seen_at`. */
  clock?: Clock;
  /** Hears of dates the original reads silently in a way that may hide a wrong time. */
  onQuirk?: ((quirk: DateQuirk) => void) | undefined;
}

/** Anything with a `serialize()` method, as `serializeList` needs. @public */
export interface Serializable {
  /** Returns the object in the nflex connector wire format (plain JSON data). */
  serialize(options?: SerializeOptions): unknown;
}

/**
 * Rejects keys a constructor does not know, as Python rejects an unexpected keyword argument,
 * and a non-object options argument. Returns the options for chaining.
 * @internal
 */
export function checkKeys<T extends object>(
  owner: string,
  options: T | undefined,
  allowed: ReadonlySet<string>,
): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== "object") {
    throw new InvalidTypeError(`${owner}: options must be an object`, "options");
  }
  for (const key in options) {
    if (!allowed.has(key)) {
      throw new InvalidTypeError(`${owner}: got an unexpected option '${key}'`, key);
    }
  }
  return options;
}

/**
 * The original's identity check: a `str` (`""` allowed), else `ValueError('<field> must be a
 * string and have a value')`.
 * @internal
 */
export function requireString(owner: string, field: string, value: unknown): string {
  if (typeof value !== "string") {
    throw new InvalidValueError(`${owner}: ${field} must be a string and have a value`, field);
  }
  return value;
}

/**
 * Python's `len()` for the collections connectors pass: arrays, strings, dicts (plain objects),
 * Maps and Sets. Anything else has no length: {@link InvalidTypeError}.
 * @internal
 */
export function pyLen(value: unknown, field: string, typeName: string): number {
  if (typeof value === "string" || Array.isArray(value)) return value.length;
  if (value instanceof Map || value instanceof Set) return value.size;
  if (isPlainObject(value)) return Object.keys(value).length;
  throw new InvalidTypeError(`${field}: object of type '${typeName}' has no len()`, field);
}

/**
 * Python's iteration: arrays and other iterables yield their items, strings their characters,
 * dicts (plain objects) their keys. Anything else is not iterable: {@link InvalidTypeError}.
 * @internal
 */
export function pyIter(value: unknown, field: string, typeName: string): Iterable<unknown> {
  if (typeof value === "string" || Array.isArray(value)) return value;
  if (isPlainObject(value)) return Object.keys(value);
  if (value instanceof Map) return value.keys();
  if (typeof value === "object" && value !== null && Symbol.iterator in value)
    return value as Iterable<unknown>;
  throw new InvalidTypeError(`${field}: '${typeName}' object is not iterable`, field);
}
