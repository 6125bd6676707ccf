import { pyTruthy, pyTypeName } from "@meterkit/core/python";
import { DateParseError, InvalidTypeError } from "../errors.js";
import { type Clock, systemClock } from "../time/clock.js";
import { convertDatetime, type DateInput } from "../time/convert-datetime.js";
import type { Connections, SerializedConnections } from "./connections.js";
import type { Locations } from "./locations.js";
import { Metadata, type SerializedMetadata } from "./metadata.js";
import { checkKeys, requireString, type SerializeOptions } from "./options.js";
import type { Region } from "./region.js";

/** Options common to every resource; subclasses fix `type` themselves. @public */
export interface BaseResourceOptions {
  /** Unique id of the resource within its type; must be a string (`""` allowed). */
  id: string;
  /** Human readable name; must be a string (`""` allowed). */
  name: string;
  /** Legacy region association; dropped when non-empty `locations` are given. */
  region?: Region | null | undefined;
  /** Extended location information. */
  locations?: Locations | null | undefined;
  /** When the provider created the resource; parsed at serialize time. */
  providerCreatedAt?: DateInput;
  /** Resource metadata (default: empty). */
  metadata?: Metadata | null | undefined;
  /** URL of the resource on the provider's portal. */
  nativePortalLink?: string | null | undefined;
  /** Associations to other resources (default: none). */
  connections?: Connections | null | undefined;
  /** Clock for `base.last_seen_at` (default: the system clock); `serialize({ clock })` overrides it. */
  clock?: Clock | undefined;
}

/** Options of a generic {@link Resource}. @public */
export interface ResourceOptions extends BaseResourceOptions {
  /** Resource type, e.g. `server`; must be a string. */
  type: string;
}

/** The `base` object of a serialized resource. @public */
export interface SerializedBase {
  name: string;
  provider_created_at: string | null;
  last_seen_at: string;
  native_portal_link?: string;
  locations?: unknown[];
  regions?: unknown[];
}

/** Wire form of a resource (`details` only for the typed subclasses). @public */
export interface SerializedResource<D = Record<string, unknown>> {
  id: string;
  type: string;
  base: SerializedBase;
  connections: SerializedConnections;
  metadata: SerializedMetadata;
  details?: Record<string, D>;
}

/** How a subclass describes itself to the base constructor. @internal */
export interface ResourceSpec {
  owner: string;
  type: string | undefined;
  keys: ReadonlySet<string>;
}

/** Symbol under which subclasses publish their {@link ResourceSpec}. @internal */
export const RESOURCE_SPEC = Symbol("resourceSpec");

/** Option names of every resource. @internal */
export const BASE_KEYS: readonly string[] = [
  "id",
  "name",
  "region",
  "locations",
  "providerCreatedAt",
  "metadata",
  "nativePortalLink",
  "connections",
  "clock",
];

/**
 * A resource of any type: the data common to all resources. Use the typed subclasses
 * (`Server`, `Volume`, ...) for the standard types.
 * @public
 */
export class Resource {
  /** @internal */
  static readonly [RESOURCE_SPEC]: ResourceSpec = {
    owner: "Resource",
    type: undefined,
    keys: new Set([...BASE_KEYS, "type"]),
  };

  readonly id: string;
  readonly name: string;
  readonly type: string;
  region: Region | null;
  locations: Locations | null;
  providerCreatedAt: DateInput;
  metadata: Metadata;
  nativePortalLink: string | null;
  connections: Connections | null;
  clock: Clock | undefined;

  constructor(options: ResourceOptions) {
    const spec = (new.target as unknown as { [RESOURCE_SPEC]: ResourceSpec })[RESOURCE_SPEC];
    const o = checkKeys(spec.owner, options, spec.keys);
    this.id = requireString(spec.owner, "id", o.id);
    this.name = requireString(spec.owner, "name", o.name);
    this.type = requireString(spec.owner, "type", spec.type ?? o.type);
    this.region = o.region ?? null;
    this.locations = o.locations ?? null;
    this.providerCreatedAt = o.providerCreatedAt ?? null;
    this.metadata = o.metadata ?? new Metadata();
    this.nativePortalLink = o.nativePortalLink ?? null;
    this.connections = o.connections ?? null;
    this.clock = o.clock;
  }

  // A provider's unreadable date names the resource, so one bad item in serializeList says
  // which one it was (the original's ParserError named only the text).
  #createdAt(clock: Clock, options?: SerializeOptions): string | null {
    try {
      return convertDatetime(this.providerCreatedAt, "providerCreatedAt", {
        clock,
        onQuirk: options?.onQuirk,
      });
    } catch (error) {
      if (!(error instanceof DateParseError)) throw error;
      const reason = error.message.replace("[@meterkit/connector-model] ", "");
      throw new DateParseError(
        `${this.type} '${this.id}': providerCreatedAt: ${reason}`,
        "providerCreatedAt",
        {
          cause: error,
        },
      );
    }
  }

  /** The resource in the nflex connector wire format. Reads the clock for `last_seen_at`. */
  serialize(options?: SerializeOptions): SerializedResource {
    const clock = options?.clock ?? this.clock ?? systemClock;
    const base: SerializedBase = {
      name: this.name,
      provider_created_at: this.#createdAt(clock, options),
      last_seen_at: convertDatetime(clock(), "clock")!,
    };
    if (this.nativePortalLink !== null) base.native_portal_link = this.nativePortalLink;
    const locations = pyTruthy(this.locations)
      ? (callSerialize(this.locations, "locations") as unknown[])
      : [];
    if (locations.length > 0) base.locations = locations;
    else base.regions = pyTruthy(this.region) ? [callSerialize(this.region, "region")] : [];
    // A falsy value (null, `{}`) means "no connections", which serializes to `{}`.
    const connections = pyTruthy(this.connections)
      ? (callSerialize(this.connections, "connections") as SerializedConnections)
      : {};
    const out: SerializedResource = {
      id: this.id,
      type: this.type,
      base,
      connections,
      metadata: callSerialize(this.metadata, "metadata") as SerializedMetadata,
    };
    const details = this.serializeDetails();
    if (details !== undefined) out.details = { [this.type]: details };
    return out;
  }

  /** The `details.<type>` object of a typed subclass; none for a generic resource. */
  protected serializeDetails(): Record<string, unknown> | undefined {
    return undefined;
  }
}

/**
 * Calls `value.serialize()`, duck-typed as the original is; a value without one fails
 * like the original's `AttributeError`.
 * @internal
 */
export function callSerialize(value: unknown, field: string): unknown {
  const fn = (value as { serialize?: unknown } | null | undefined)?.serialize;
  if (typeof fn !== "function") {
    throw new InvalidTypeError(`${field}: '${pyTypeName(value)}' object has no attribute 'serialize'`, field);
  }
  return (fn as () => unknown).call(value);
}

/** Builds the spec of a typed subclass. @internal */
export function subclassSpec(owner: string, type: string, own: readonly string[]): ResourceSpec {
  return { owner, type, keys: new Set([...BASE_KEYS, ...own]) };
}
