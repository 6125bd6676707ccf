import { isPlainObject, pyTypeName } from "@meterkit/core/python";
import { InvalidTypeError, InvalidValueError } from "../errors.js";
import { checkKeys, pyIter } from "./options.js";

/** One level of a location (`city`, `country`, ...): `id` or `name` is required. @public */
export interface LocationLevel {
  id?: string;
  name?: string;
  latitude?: number;
  longitude?: number;
  [extra: string]: unknown;
}

/** One location hash. Unknown keys pass through untouched. @public */
export interface LocationHash {
  location?: LocationLevel;
  city?: LocationLevel;
  state?: LocationLevel;
  country?: LocationLevel;
  region?: LocationLevel;
  /** `customer` or `provider`. */
  type?: string | null | undefined;
  [extra: string]: unknown;
}

/** Options of {@link Locations}. @public */
export interface LocationsOptions {
  /** The location hashes; required. */
  locations: Iterable<LocationHash>;
}

const KEYS = new Set(["locations"]);
const LEVELS = ["location", "city", "state", "country", "region"] as const;

/**
 * Extended location information of a resource. Each level present must have a string `id` or
 * `name`; nothing else is checked and the hashes are emitted as given.
 * @public
 */
export class Locations {
  readonly locations: readonly unknown[];

  constructor(options: LocationsOptions) {
    const o = checkKeys("Locations", options, KEYS);
    const given: unknown = o.locations;
    if (given === null || given === undefined) {
      throw new InvalidValueError("Locations: locations must be a list of location hashes", "locations");
    }
    const items: unknown[] = [];
    for (const item of pyIter(given, "locations", pyTypeName(given))) {
      checkItem(item, items.length);
      items.push(item);
    }
    // An exact copy: the list grown by push has room for 16 more (see Connections).
    this.locations = items.slice();
  }

  /** The location hashes, as given. */
  serialize(): unknown[] {
    return this.locations.slice();
  }
}

// Mirrors the original's `if level in item` / `'id' in value` / `value['id']` sequence,
// including what happens when an item or a level is not a dict (substring and list tests).
function checkItem(item: unknown, index: number): void {
  if (isPlainObject(item)) {
    // Fast path for the usual dict-of-dicts shape; anything odd takes the faithful path below.
    let plain = true;
    for (const level of LEVELS) {
      const value = item[level];
      if (value === undefined && !Object.hasOwn(item, level)) continue;
      if (!isPlainObject(value)) {
        plain = false;
        break;
      }
      const hasId = Object.hasOwn(value, "id");
      const hasName = Object.hasOwn(value, "name");
      if (
        (!hasId && !hasName) ||
        (hasId && typeof value.id !== "string") ||
        (hasName && typeof value.name !== "string")
      ) {
        plain = false;
        break;
      }
    }
    if (plain) return;
  }
  const path = `locations[${index}]`;
  for (const level of LEVELS) {
    if (!contains(item, level, path)) continue;
    const field = `${path}.${level}`;
    const value = isPlainObject(item) ? item[level] : undefined;
    if (!isPlainObject(item)) {
      throw new InvalidTypeError(`${field}: ${pyTypeName(item)} indices must be integers`, field);
    }
    const hasId = contains(value, "id", field);
    const hasName = contains(value, "name", field);
    if (!hasId && !hasName)
      throw new InvalidValueError(`${field}: one of id or name must be specified`, field);
    if (!isPlainObject(value)) {
      throw new InvalidTypeError(`${field}: ${pyTypeName(value)} indices must be integers`, field);
    }
    if (hasId && typeof value.id !== "string")
      throw new InvalidValueError(`${field}: id must be a string`, `${field}.id`);
    if (hasName && typeof value.name !== "string") {
      throw new InvalidValueError(`${field}: name must be a string`, `${field}.name`);
    }
  }
}

// Python's `key in container`: dict membership, substring test, list membership.
function contains(container: unknown, key: string, field: string): boolean {
  if (isPlainObject(container)) return Object.hasOwn(container, key);
  if (typeof container === "string") return container.includes(key);
  if (Array.isArray(container)) return container.includes(key);
  if (container instanceof Map || container instanceof Set) return container.has(key);
  throw new InvalidTypeError(`${field}: argument of type '${pyTypeName(container)}' is not iterable`, field);
}
