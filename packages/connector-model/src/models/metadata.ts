import { pyTypeName } from "@meterkit/core/python";
import { checkKeys, pyIter } from "./options.js";

/**
 * One metadata entry: `[key, value]` in the default namespace or `[namespace, key, value]`
 * (a `null` namespace means the default). Entries must be plain array literals: like the
 * original, which only uses objects of type exactly `tuple`, anything else (objects, strings,
 * arrays of other lengths, array subclasses) is silently ignored.
 * @public
 */
export type MetadataEntry =
  | readonly [key: string, value: unknown]
  | readonly [namespace: string | null, key: string, value: unknown];

/** Options of {@link Metadata}. @public */
export interface MetadataOptions {
  /** Initial entries. */
  values?: Iterable<MetadataEntry> | null | undefined;
  /** Namespace of entries without one; `null`/absent means `provider_specific`, `""` is kept. */
  defaultNamespace?: string | null | undefined;
}

/** Wire form of {@link Metadata}: namespace to key to value. @public */
export type SerializedMetadata = Record<string, Record<string, unknown>>;

const KEYS = new Set(["values", "defaultNamespace"]);

/**
 * Namespaced key/value metadata of a resource. A later value for the same key wins;
 * namespaces keep their first-insertion order.
 * @public
 */
export class Metadata {
  /** The `default` namespace id. */
  static readonly DEFAULT_NAMESPACE_ID = "default";
  /** The `provider_specific` namespace id (the default namespace of a new Metadata). */
  static readonly PROVIDER_SPECIFIC_NAMESPACE_ID = "provider_specific";
  /** The `provider_specific_editable` namespace id. */
  static readonly PROVIDER_SPECIFIC_EDITABLE_NAMESPACE_ID = "provider_specific_editable";
  /** The `provider_metadata` namespace id. */
  static readonly PROVIDER_METADATA_NAMESPACE_ID = "provider_metadata";

  readonly defaultNamespace: string;
  readonly #data: SerializedMetadata = {};

  constructor(options: MetadataOptions = {}) {
    const o = checkKeys("Metadata", options, KEYS);
    this.defaultNamespace = o.defaultNamespace ?? Metadata.PROVIDER_SPECIFIC_NAMESPACE_ID;
    const values: unknown = o.values;
    if (values === null || values === undefined) return;
    for (const entry of pyIter(values, "values", pyTypeName(values))) {
      // Exactly a plain array, mirroring `type(entry) == tuple` in the original.
      if (!Array.isArray(entry) || Object.getPrototypeOf(entry) !== Array.prototype) continue;
      if (entry.length === 2) this.add(entry[0] as string, entry[1]);
      else if (entry.length === 3) this.add(entry[1] as string, entry[2], entry[0] as string | null);
    }
  }

  /** Sets `key` to `value` in `namespace` (default namespace when null/absent); returns `this`. */
  add(key: string, value: unknown, namespace?: string | null): this {
    const ns = namespace ?? this.defaultNamespace;
    let bucket = this.#data[ns];
    if (bucket === undefined) {
      bucket = {};
      this.#data[ns] = bucket;
    }
    bucket[key] = value;
    return this;
  }

  /** `{ <namespace>: { <key>: value } }`, or `{}`. */
  serialize(): SerializedMetadata {
    const out: SerializedMetadata = {};
    for (const ns of Object.keys(this.#data)) out[ns] = { ...this.#data[ns] };
    return out;
  }
}
