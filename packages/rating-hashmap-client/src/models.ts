/** The objects CloudKitty 17's HashMap API returns, validated with zod (cloudkitty.md §5.2). */
import { z } from "zod";
import { DecimalString } from "./decimal/decimal-schema.js";

/** Mapping and threshold types (`GET …/types`). @public */
export const MAP_TYPES = ["flat", "rate"] as const;
/** `flat` (a fixed cost per unit) or `rate` (a multiplier). @public */
export type MapType = (typeof MAP_TYPES)[number];

const uuid = z.string();

/** A service: maps to the collected service (the usage key), e.g. `instance`. @public */
export const Service = z.object({ service_id: uuid, name: z.string() });
/** A HashMap service as the server returns it (`service_id`, `name`). @public */
export type Service = z.infer<typeof Service>;

/** A field: a key of the usage's `desc` (metadata/groupby), e.g. `flavor_id`. @public */
export const Field = z.object({ field_id: uuid, name: z.string(), service_id: uuid });
/** A HashMap field as the server returns it (`field_id`, `name`, parent `service_id`). @public */
export type Field = z.infer<typeof Field>;

/** A group: rules of one group are priced together (`rate × flat × volume`). @public */
export const Group = z.object({ group_id: uuid, name: z.string() });
/** A HashMap group as the server returns it (`group_id`, `name`). @public */
export type Group = z.infer<typeof Group>;

/** Fields newer CloudKitty releases add to mappings and thresholds (absent on 17). @public */
const NewerRuleFields = {
  name: z.string().nullish(),
  description: z.string().nullish(),
  start: z.string().nullish(),
  end: z.string().nullish(),
  created_at: z.string().nullish(),
  created_by: z.string().nullish(),
  updated_by: z.string().nullish(),
  deleted: z.string().nullish(),
  deleted_by: z.string().nullish(),
};

/**
 * A mapping. `cost` is a decimal string (28 places on the wire). A service mapping has `value: ""`.
 * @public
 */
export const Mapping = z.object({
  mapping_id: uuid,
  value: z.string().nullable(),
  type: z.enum(MAP_TYPES),
  cost: DecimalString,
  service_id: uuid.nullable(),
  field_id: uuid.nullable(),
  group_id: uuid.nullable(),
  tenant_id: z.string().nullable(),
  ...NewerRuleFields,
});
/** A HashMap mapping as the server returns it; `cost` is a decimal string. @public */
export type Mapping = z.infer<typeof Mapping>;

/** A threshold. `level` and `cost` are decimal strings. @public */
export const Threshold = z.object({
  threshold_id: uuid,
  level: DecimalString,
  type: z.enum(MAP_TYPES),
  cost: DecimalString,
  service_id: uuid.nullable(),
  field_id: uuid.nullable(),
  group_id: uuid.nullable(),
  tenant_id: z.string().nullable(),
  ...NewerRuleFields,
});
/** A HashMap threshold as the server returns it; `level` and `cost` are decimal strings. @public */
export type Threshold = z.infer<typeof Threshold>;

/** A rating module as `/v1/rating/modules` lists it (note the hyphenated `hot-config`). @public */
export const RatingModule = z.object({
  module_id: z.string(),
  description: z.string().nullish(),
  enabled: z.boolean(),
  "hot-config": z.boolean().optional(),
  priority: z.number(),
});
/** A rating module as the server returns it (`module_id`, `enabled`, `priority`, …). @public */
export type RatingModule = z.infer<typeof RatingModule>;

/** @internal */
export const ServiceList = z.object({ services: z.array(Service) });
/** @internal */
export const FieldList = z.object({ fields: z.array(Field) });
/** @internal */
export const GroupList = z.object({ groups: z.array(Group) });
/** @internal */
export const MappingList = z.object({ mappings: z.array(Mapping) });
/** @internal */
export const ThresholdList = z.object({ thresholds: z.array(Threshold) });
/** @internal */
export const ModuleList = z.object({ modules: z.array(RatingModule) });
