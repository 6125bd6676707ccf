/**
 * Usage to the shapes the rest of the pipeline takes, as plain objects: CloudKitty's rating resources
 * (`POST /v1/rating/quote` and the local engine of `@meterkit/rating-hashmap-client`) and Waldur component
 * usages (what `@meterkit/allocation-client` submits). They live here, beside the usage they convert, and
 * not in those clients: no client depends on another client for its types, and the shapes are the servers'
 * wire shapes, which TypeScript matches structurally.
 */
import type { Usage } from "./compute.js";
import { hoursAt, sumDecimals } from "./quantity.js";

/** One CloudKitty rating resource: `{ service, volume, desc: { metadata } }`, volume a decimal string. @public */
export interface RatingResource {
  service: string;
  volume: string;
  desc: { metadata: Record<string, string | number> };
}

/** Options of {@link toRatingResources}. @public */
export interface RatingResourceOptions {
  /** CloudKitty service names for instance hours and volume GB-hours. */
  services: { instance: string; volume: string };
  /** The metadata of a record; default `{ flavor_id }` for instances, `{ size }` (and `volume_type`) for volumes. */
  metadata?: ((usage: Usage) => Record<string, string | number>) | undefined;
}

function defaultMetadata(u: Usage): Record<string, string | number> {
  if (u.entityType === "instance") return { flavor_id: u.flavor };
  return u.volumeType === null ? { size: u.sizeGb } : { size: u.sizeGb, volume_type: u.volumeType };
}

/** Instance hours and volume GB-hours as CloudKitty rating resources, one per usage record. @public */
export function toRatingResources(usage: Iterable<Usage>, options: RatingResourceOptions): RatingResource[] {
  const metadata = options.metadata ?? defaultMetadata;
  const out: RatingResource[] = [];
  for (const u of usage)
    out.push({
      service: u.entityType === "instance" ? options.services.instance : options.services.volume,
      volume: u.entityType === "instance" ? u.hours.value : u.gbHours.value,
      desc: { metadata: metadata(u) },
    });
  return out;
}

/** One Waldur component usage (`{ type, amount, description }`, amount a decimal string). @public */
export interface ComponentUsage {
  type: string;
  amount: string;
  description: string;
}

/** Options of {@link toComponentUsages}. @public */
export interface ComponentUsageOptions {
  /** Waldur component types for instance hours and volume GB-hours. */
  components: { instance: string; volume: string };
  /** Decimals of `amount`: 2 for current Waldur (the default), 0 for legacy 5.4 servers (integers only). */
  places?: 0 | 1 | 2 | undefined;
}

/**
 * Usage summed per component as Waldur component usages (Waldur takes one amount per component and plan
 * period). The sums are of exact seconds and GB-seconds; the hours are then rounded once, half-even, to
 * `places` decimals. A component without usage is left out.
 * @public
 */
export function toComponentUsages(usage: Iterable<Usage>, options: ComponentUsageOptions): ComponentUsage[] {
  let instanceSeconds = 0;
  const gbSeconds: string[] = [];
  for (const u of usage) {
    if (u.entityType === "instance") instanceSeconds += u.seconds;
    else gbSeconds.push(u.gbSeconds);
  }
  const places = options.places ?? 2;
  const out: ComponentUsage[] = [];
  if (instanceSeconds > 0)
    out.push({
      type: options.components.instance,
      amount: hoursAt(String(instanceSeconds), places),
      description: "instance hours",
    });
  if (gbSeconds.length > 0) {
    const total = sumDecimals(gbSeconds);
    if (total !== "0")
      out.push({
        type: options.components.volume,
        amount: hoursAt(total, places),
        description: "volume GB-hours",
      });
  }
  return out;
}
