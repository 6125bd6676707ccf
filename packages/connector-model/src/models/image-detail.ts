import { isPlainObject, pyTruthy, pyTypeName } from "@meterkit/core/python";
import { InvalidTypeError, InvalidValueError } from "../errors.js";
import { checkKeys, requireString } from "./options.js";

/** Options of {@link ImageDetail}. @public */
export interface ImageDetailOptions {
  /** Image id, e.g. `ami-abcdef`; must be a string. */
  id: string;
  /** e.g. `Ubuntu Linux 16.04 LTS 64 bit`. */
  name?: unknown;
  /** `Windows` or `Linux`. */
  type?: unknown;
  /** e.g. `Server 2012` or `CentOS`. */
  distribution?: unknown;
  /** e.g. `V2` or `16.04.1`. */
  version?: unknown;
  /** e.g. `i386`, `x86_64`. */
  architecture?: unknown;
}

/** Wire form of an {@link ImageDetail}. @public */
export interface SerializedImageDetail {
  id: string;
  name: unknown;
  architecture: unknown;
  distribution: unknown;
  type: unknown;
  version: unknown;
}

const KEYS = new Set(["id", "name", "type", "distribution", "version", "architecture"]);

/**
 * The image (template) a server was built from.
 * @public
 */
export class ImageDetail {
  readonly id: string;
  name: unknown;
  type: unknown;
  distribution: unknown;
  version: unknown;
  architecture: unknown;

  constructor(options: ImageDetailOptions) {
    const o = checkKeys("ImageDetail", options, KEYS);
    this.id = requireString("ImageDetail", "id", o.id);
    this.name = o.name ?? null;
    this.type = o.type ?? null;
    this.distribution = o.distribution ?? null;
    this.version = o.version ?? null;
    this.architecture = o.architecture ?? null;
  }

  /** All six keys, in the order `id, name, architecture, distribution, type, version`. */
  serialize(): SerializedImageDetail {
    return {
      id: this.id,
      name: this.name,
      architecture: this.architecture,
      distribution: this.distribution,
      type: this.type,
      version: this.version,
    };
  }
}

/** A mapped image: `[name, type, distribution, version, architecture]`. @public */
export type ImageTuple = readonly [
  name: unknown,
  type: unknown,
  distribution: unknown,
  version: unknown,
  architecture: unknown,
];

/** Options of {@link ImageDetailMap}. @public */
export interface ImageDetailMapOptions {
  /** Image id to details; a plain object or a Map. */
  mapping?: Readonly<Record<string, ImageTuple>> | ReadonlyMap<unknown, ImageTuple> | null | undefined;
}

/** Per-call fallbacks of {@link ImageDetailMap.get}. @public */
export type ImageOverrides = Omit<ImageDetailOptions, "id">;

const MAP_KEYS = new Set(["mapping"]);
const FIELDS = ["name", "type", "distribution", "version", "architecture"] as const;

/**
 * Looks up common server images by id. **Mapped values win**: an override only fills a mapped
 * value that is falsy (null, `""`, 0). The original's docs claim the opposite; its code does this.
 * @public
 */
export class ImageDetailMap {
  readonly mapping: ImageDetailMapOptions["mapping"];

  constructor(options: ImageDetailMapOptions = {}) {
    this.mapping = checkKeys("ImageDetailMap", options, MAP_KEYS).mapping ?? null;
  }

  /** The {@link ImageDetail} for `id` (all fields null when unmapped), with `overrides` as fallbacks. */
  get(id: string, overrides: ImageOverrides = {}): ImageDetail {
    const mapping = this.mapping;
    if (mapping === null || mapping === undefined) {
      throw new InvalidTypeError("ImageDetailMap: no mapping to look up ids in", "mapping");
    }
    const found = lookup(mapping, id);
    if (id === null || id === undefined) {
      throw new InvalidValueError("ImageDetailMap: id must be a string and have a value", "id");
    }
    const values = found === undefined ? [null, null, null, null, null] : unpack(found, id);
    const options: Record<string, unknown> = { id };
    FIELDS.forEach((name, index) => {
      const mapped = values[index];
      options[name] = pyTruthy(mapped) ? mapped : (overrides[name] ?? null);
    });
    return new ImageDetail(options as unknown as ImageDetailOptions);
  }
}

function lookup(mapping: NonNullable<ImageDetailMapOptions["mapping"]>, id: unknown): unknown {
  if (mapping instanceof Map) return mapping.get(id);
  const record = mapping as Readonly<Record<string, unknown>>;
  return typeof id === "string" && Object.hasOwn(record, id) ? record[id] : undefined;
}

function unpack(value: unknown, id: unknown): unknown[] {
  const field = `mapping.${String(id)}`;
  let items: unknown[];
  if (typeof value === "string" || Array.isArray(value)) items = Array.from(value);
  else if (isPlainObject(value)) items = Object.keys(value);
  else throw new InvalidTypeError(`${field}: cannot unpack non-iterable ${pyTypeName(value)} object`, field);
  if (items.length < 5) {
    throw new InvalidValueError(
      `${field}: not enough values to unpack (expected 5, got ${items.length})`,
      field,
    );
  }
  if (items.length > 5)
    throw new InvalidValueError(`${field}: too many values to unpack (expected 5)`, field);
  return items;
}
