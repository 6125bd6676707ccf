/** The objects CloudKitty 17's HashMap API returns, validated with zod (cloudkitty.md §5.2). */
import { buildOnce, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { DecimalString } from "./decimal/decimal-schema.js";

/** Mapping and threshold types (`GET …/types`). @public */
export const MAP_TYPES = ["flat", "rate"] as const;
/** `flat` (a fixed cost per unit) or `rate` (a multiplier). @public */
export type MapType = (typeof MAP_TYPES)[number];

// Every schema below is built on its first use, not by the import (lazySchema): a CLI command or a
// connector's one call uses one or two of them. The parts they share are built once (buildOnce).
const uuid = buildOnce(() => z.string());

/** A service: maps to the collected service (the usage key), e.g. `instance`. @public */
export const Service = lazySchema(() => z.object({ service_id: uuid(), name: z.string() }));
/** A HashMap service as the server returns it (`service_id`, `name`). @public */
export type Service = z.infer<typeof Service>;

/** A field: a key of the usage's `desc` (metadata/groupby), e.g. `flavor_id`. @public */
export const Field = lazySchema(() => z.object({ field_id: uuid(), name: z.string(), service_id: uuid() }));
/** A HashMap field as the server returns it (`field_id`, `name`, parent `service_id`). @public */
export type Field = z.infer<typeof Field>;

/** A group: rules of one group are priced together (`rate × flat × volume`). @public */
export const Group = lazySchema(() => z.object({ group_id: uuid(), name: z.string() }));
/** A HashMap group as the server returns it (`group_id`, `name`). @public */
export type Group = z.infer<typeof Group>;

/** Fields newer CloudKitty releases add to mappings and thresholds (absent on 17). @public */
const newerRuleFields = buildOnce(() => ({
  name: z.string().nullish(),
  description: z.string().nullish(),
  start: z.string().nullish(),
  end: z.string().nullish(),
  created_at: z.string().nullish(),
  created_by: z.string().nullish(),
  updated_by: z.string().nullish(),
  deleted: z.string().nullish(),
  deleted_by: z.string().nullish(),
}));

/**
 * A mapping. `cost` is a decimal string (28 places on the wire). A service mapping has `value: ""`.
 * @public
 */
export const Mapping = lazySchema(() =>
  z.object({
    mapping_id: uuid(),
    value: z.string().nullable(),
    type: z.enum(MAP_TYPES),
    cost: DecimalString,
    service_id: uuid().nullable(),
    field_id: uuid().nullable(),
    group_id: uuid().nullable(),
    tenant_id: z.string().nullable(),
    ...newerRuleFields(),
  }),
);
/** A HashMap mapping as the server returns it; `cost` is a decimal string. @public */
export type Mapping = z.infer<typeof Mapping>;

/** A threshold. `level` and `cost` are decimal strings. @public */
export const Threshold = lazySchema(() =>
  z.object({
    threshold_id: uuid(),
    level: DecimalString,
    type: z.enum(MAP_TYPES),
    cost: DecimalString,
    service_id: uuid().nullable(),
    field_id: uuid().nullable(),
    group_id: uuid().nullable(),
    tenant_id: z.string().nullable(),
    ...newerRuleFields(),
  }),
);
/** A HashMap threshold as the server returns it; `level` and `cost` are decimal strings. @public */
export type Threshold = z.infer<typeof Threshold>;

/** A rating module as `/v1/rating/modules` lists it (note the hyphenated `hot-config`). @public */
export const RatingModule = lazySchema(() =>
  z.object({
    module_id: z.string(),
    description: z.string().nullish(),
    enabled: z.boolean(),
    "hot-config": z.boolean().optional(),
    priority: z.number(),
  }),
);
/** A rating module as the server returns it (`module_id`, `enabled`, `priority`, …). @public */
export type RatingModule = z.infer<typeof RatingModule>;

/** @internal */
export const ServiceList = lazySchema(() => z.object({ services: z.array(Service) }));
/** @internal */
export const FieldList = lazySchema(() => z.object({ fields: z.array(Field) }));
/** @internal */
export const GroupList = lazySchema(() => z.object({ groups: z.array(Group) }));
/** @internal */
export const MappingList = lazySchema(() => z.object({ mappings: z.array(Mapping) }));
/** @internal */
export const ThresholdList = lazySchema(() => z.object({ thresholds: z.array(Threshold) }));
/** @internal */
export const ModuleList = lazySchema(() => z.object({ modules: z.array(RatingModule) }));
