/**
 * Lifecycles to usage: the seconds of each entity per bucket, by flavor (instances) or by volume type,
 * size and attachment state (volumes). See `rows.ts` for the second rule and `quantity.ts` for hours.
 */
import { InvalidInputError } from "@meterkit/core";
import type { Entity, ImageMeta, VolumeEntity } from "../models.js";
import { PKG } from "../package-name.js";
import { type Bucket, type BucketSize, bucketIndex, bucketsOf } from "./buckets.js";
import { type Hours, times, toHours } from "./quantity.js";
import { type Span, spansOf } from "./rows.js";

/** Options of {@link computeUsage}. @public */
export interface UsageOptions {
  /** Start of the period (inclusive; floored to the second). */
  from: Date;
  /** End of the period (exclusive; floored to the second). Open rows run to here. */
  to: Date;
  /** Bucket size; default `"period"` (one bucket). */
  by?: BucketSize | undefined;
  /** IANA time zone of the calendar boundaries; default `"UTC"`. */
  timeZone?: string | undefined;
  /** Also split instance usage by the image metadata (`distro`, `version`, `type`). Default false. */
  byOs?: boolean | undefined;
}

/** Fields every usage record has. @public */
export interface UsageBase {
  entityId: string;
  projectId: string;
  /** The entity's name on the first row counted in this bucket. */
  name: string;
  /** The bucket, clipped to the period. */
  bucketStart: Date;
  bucketEnd: Date;
  /** Whole seconds of use in the bucket. */
  seconds: number;
}

/** Instance seconds of one flavor (and OS when asked) in one bucket. @public */
export interface InstanceUsage extends UsageBase {
  entityType: "instance";
  flavor: string;
  /** Only with `byOs`. */
  os?: { distro: string | null; version: string | null; type: string | null };
  hours: Hours;
}

/** Volume GB-seconds of one type, size and attachment state in one bucket. @public */
export interface VolumeUsage extends UsageBase {
  entityType: "volume";
  volumeType: string | null;
  sizeGb: number;
  attached: boolean;
  /** `seconds × sizeGb`, exact. */
  gbSeconds: string;
  gbHours: Hours;
}

/** A usage record. @public */
export type Usage = InstanceUsage | VolumeUsage;

/** @internal the normalised options */
export interface UsagePlan {
  from: number;
  to: number;
  buckets: Bucket[];
  byOs: boolean;
}

function invalid(field: string, message: string): InvalidInputError {
  return new InvalidInputError([{ path: [field], message }], { package: PKG });
}

/** Checks the options and cuts the period into buckets. @internal */
export function planUsage(options: UsageOptions): UsagePlan {
  const { from, to, by = "period", timeZone = "UTC" } = options;
  if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw invalid("from", "must be a valid Date");
  if (!(to instanceof Date) || Number.isNaN(to.getTime())) throw invalid("to", "must be a valid Date");
  if (!["hour", "day", "month", "period"].includes(by))
    throw invalid("by", "must be hour, day, month or period");
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw invalid("timeZone", `is not an IANA time zone: ${JSON.stringify(timeZone)}`);
  }
  const f = Math.floor(from.getTime() / 1000);
  const t = Math.floor(to.getTime() / 1000);
  if (t <= f) throw invalid("to", "must be at least one second after from");
  return { from: f, to: t, buckets: bucketsOf(f, t, by, timeZone), byOs: options.byOs === true };
}

/**
 * The usage of `entities` (any mix of rows of any entities, in any order) over the period. Entities with
 * no row in the period give no record. Throws `OverlappingRowsError` when two rows of one entity overlap.
 * @public
 */
export function computeUsage(entities: Iterable<Entity>, options: UsageOptions): Usage[] {
  const plan = planUsage(options);
  const byEntity = new Map<string, Entity[]>();
  for (const row of entities) {
    const rows = byEntity.get(row.entityId);
    if (rows) rows.push(row);
    else byEntity.set(row.entityId, [row]);
  }
  const out: Usage[] = [];
  for (const rows of byEntity.values()) entityUsage(rows, plan, out);
  return out;
}

/** The usage of one entity's rows, appended to `out`, bucket by bucket. @internal */
export function entityUsage(rows: readonly Entity[], plan: UsagePlan, out: Usage[]): void {
  const perBucket = new Map<number, Map<string, { span: Span; seconds: number }>>();
  for (const span of spansOf(rows, plan.from, plan.to)) {
    const key = dimensionKey(span.row, plan.byOs);
    for (let i = bucketIndex(plan.buckets, span.start); i < plan.buckets.length; i++) {
      const b = plan.buckets[i] as Bucket;
      if (b.start >= span.end) break;
      const seconds = Math.min(b.end, span.end) - Math.max(b.start, span.start);
      let groups = perBucket.get(i);
      if (!groups) {
        groups = new Map();
        perBucket.set(i, groups);
      }
      const g = groups.get(key);
      if (g) g.seconds += seconds;
      else groups.set(key, { span, seconds });
    }
  }
  for (const i of [...perBucket.keys()].sort((a, b) => a - b)) {
    const b = plan.buckets[i] as Bucket;
    for (const { span, seconds } of (
      perBucket.get(i) as Map<string, { span: Span; seconds: number }>
    ).values())
      out.push(record(span.row, b, seconds, plan.byOs));
  }
}

function os(meta: ImageMeta) {
  const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
  return { distro: text(meta.distro), version: text(meta.version), type: text(meta.type) };
}

function sizeOf(row: VolumeEntity): number {
  const size = typeof row.size === "number" ? row.size : Number(row.size);
  if (!Number.isFinite(size) || size < 0)
    throw invalid(
      "size",
      `entity ${row.entityId}: volume size is not a number of GB: ${JSON.stringify(row.size)}`,
    );
  return size;
}

function dimensionKey(row: Entity, byOs: boolean): string {
  if (row.entityType === "instance")
    return JSON.stringify(byOs ? [row.flavor, os(row.imageMeta)] : [row.flavor]);
  return JSON.stringify([row.volumeType, sizeOf(row), row.attachedTo.length > 0]);
}

// Object literals with every field spelled out: spreading a shared base object was most of the time per
// record in the benchmark.
function record(row: Entity, b: Bucket, seconds: number, byOs: boolean): Usage {
  const bucketStart = new Date(b.start * 1000);
  const bucketEnd = new Date(b.end * 1000);
  const { entityId, projectId, name } = row;
  if (row.entityType === "instance") {
    const r: InstanceUsage = {
      entityId,
      projectId,
      name,
      bucketStart,
      bucketEnd,
      seconds,
      entityType: "instance",
      flavor: row.flavor,
      hours: toHours(seconds),
    };
    if (byOs) r.os = os(row.imageMeta);
    return r;
  }
  const sizeGb = sizeOf(row);
  const gbSeconds = times(seconds, sizeGb);
  return {
    entityId,
    projectId,
    name,
    bucketStart,
    bucketEnd,
    seconds,
    entityType: "volume",
    volumeType: row.volumeType,
    sizeGb,
    attached: row.attachedTo.length > 0,
    gbSeconds,
    gbHours: toHours(gbSeconds),
  };
}
