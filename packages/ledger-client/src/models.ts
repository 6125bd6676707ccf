/**
 * What Almanach answers, as typed objects. The server encodes its models with jsonpickle 0.7.1: snake_case
 * keys and dates as Python's `str(datetime)` (`2017-05-15 18:31:42.123000+00:00`). We convert keys to
 * camelCase and dates to `Date`, and normalise the image metadata (see {@link ImageMeta}).
 */
import { buildOnce, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { parseServerDate } from "./dates.js";

/**
 * An instance's image metadata. Normalised to the keys the create call takes (`distro`, `version`, `type`):
 * the server answers `os_type` where the client sends `type`. Which keys exist depends on the server option
 * `[entities] instance_image_meta` (default: none, so `{}`); a whitelisted key the image lacks is `null`.
 * Other whitelisted keys are kept as they are.
 * @public
 */
export interface ImageMeta {
  distro?: string | null;
  version?: string | null;
  type?: string | null;
  [key: string]: unknown;
}

/** Fields every entity row has. One id can have several rows (one per resize, rebuild or attachment). @public */
export interface EntityBase {
  entityId: string;
  projectId: string;
  name: string;
  start: Date;
  /** `null` while the row is the active one. */
  end: Date | null;
  lastEvent: Date;
  /** When the server last wrote the row (servers before 4.1 omit it: `null`). */
  processed: Date | null;
}

/** An instance row. @public */
export interface InstanceEntity extends EntityBase {
  entityType: "instance";
  flavor: string;
  imageMeta: ImageMeta;
  metadata: Record<string, unknown>;
}

/** A volume row. @public */
export interface VolumeEntity extends EntityBase {
  entityType: "volume";
  /** The size as stored: numeric strings (sent by the reference CLI) are turned into numbers. */
  size: number | string;
  /** The volume type's *name* looked up at creation (`null` when created without a type). */
  volumeType: string | null;
  attachedTo: string[];
}

/** An instance or a volume row. @public */
export type Entity = InstanceEntity | VolumeEntity;

/** A volume type. @public */
export interface VolumeType {
  volumeTypeId: string;
  volumeTypeName: string;
}

/** `GET /v1/info`. @public */
export interface AlmanachInfo {
  info: { version: string };
  database: { activeEntities: number; allEntities: number };
}

// The parts the exported schemas share are built once, by the first schema that uses them (core's
// buildOnce), not by the import (each exported schema is built on its first use, core's lazySchema); a
// response's parse meets no proxy below the schema it starts from, however many rows and fields it has.
const date = buildOnce(() =>
  z.string().transform((text, ctx) => {
    const parsed = parseServerDate(text);
    if (parsed) return parsed;
    ctx.addIssue({ code: "custom", message: `is not a date: ${JSON.stringify(text)}` });
    return z.NEVER;
  }),
);

const imageMeta = buildOnce(() =>
  z
    .record(z.string(), z.unknown())
    .transform(
      ({ os_type, ...rest }): ImageMeta =>
        os_type === undefined ? rest : { ...rest, type: os_type as string | null },
    ),
);

const base = buildOnce(() => ({
  entity_id: z.string(),
  project_id: z.string(),
  name: z.string(),
  start: date(),
  end: date().nullable(),
  last_event: date(),
  processed: date().nullable().optional(),
}));

const instance = buildOnce(() =>
  z
    .object({
      ...base(),
      entity_type: z.literal("instance"),
      flavor: z.string(),
      image_meta: imageMeta().optional(),
      os: imageMeta().optional(),
      metadata: z.record(z.string(), z.unknown()).nullable().optional(),
    })
    .transform(
      (e): InstanceEntity => ({
        ...common(e),
        entityType: "instance",
        flavor: e.flavor,
        imageMeta: e.image_meta ?? e.os ?? {},
        metadata: e.metadata ?? {},
      }),
    ),
);

const volume = buildOnce(() =>
  z
    .object({
      ...base(),
      entity_type: z.literal("volume"),
      size: z.union([z.number(), z.string()]).nullable().optional(),
      volume_type: z.string().nullable().optional(),
      attached_to: z.array(z.string()).nullable().optional(),
    })
    .transform(
      (e): VolumeEntity => ({
        ...common(e),
        entityType: "volume",
        size: normaliseSize(e.size),
        volumeType: e.volume_type ?? null,
        attachedTo: e.attached_to ?? [],
      }),
    ),
);

const entity = buildOnce(() => z.union([instance(), volume()]));

const volumeType = buildOnce(() =>
  z
    .object({ volume_type_id: z.string(), volume_type_name: z.string() })
    .transform((t): VolumeType => ({ volumeTypeId: t.volume_type_id, volumeTypeName: t.volume_type_name })),
);

function common(e: {
  entity_id: string;
  project_id: string;
  name: string;
  start: Date;
  end: Date | null;
  last_event: Date;
  processed?: Date | null | undefined;
}): EntityBase {
  return {
    entityId: e.entity_id,
    projectId: e.project_id,
    name: e.name,
    start: e.start,
    end: e.end,
    lastEvent: e.last_event,
    processed: e.processed ?? null,
  };
}

function normaliseSize(size: number | string | null | undefined): number | string {
  if (typeof size === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(size)) return Number(size);
  return size ?? 0;
}

/** @internal */
export const EntitySchema = lazySchema(() => entity());
/** @internal */
export const EntityListSchema = lazySchema(() => z.array(entity()));
/** @internal */
export const InstanceSchema = lazySchema(() => instance());
/** @internal */
export const InstanceListSchema = lazySchema(() => z.array(instance()));
/** @internal */
export const VolumeListSchema = lazySchema(() => z.array(volume()));
/** @internal */
export const VolumeTypeSchema = lazySchema(() => volumeType());
/** @internal */
export const VolumeTypeListSchema = lazySchema(() => z.array(volumeType()));
/** @internal */
export const InfoSchema = lazySchema(() =>
  z
    .object({
      info: z.object({ version: z.string() }).loose(),
      database: z.object({ active_entities: z.number(), all_entities: z.number() }).loose(),
    })
    .transform(
      (i): AlmanachInfo => ({
        info: { version: i.info.version },
        database: { activeEntities: i.database.active_entities, allEntities: i.database.all_entities },
      }),
    ),
);
