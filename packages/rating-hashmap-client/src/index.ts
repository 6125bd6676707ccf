/**
 * @packageDocumentation
 * `@meterkit/rating-hashmap-client`: a typed client for OpenStack CloudKitty's HashMap rating module (services,
 * fields, groups, mappings, thresholds, the module switch and quotes), and a local rating engine that prices
 * usage exactly as CloudKitty's HashMap module does.
 */

export type { HashMapClient } from "./client.js";
export { createHashMapClient } from "./client.js";
export type { HashMapClientOptions, HashMapContext } from "./context.js";
export { createHashMapContext } from "./context.js";
export type { DecimalInput } from "./decimal/decimal-schema.js";
export type { RatingEngine, RatingEngineOptions } from "./engine/engine.js";
export { createRatingEngine } from "./engine/engine.js";
export type { FetchRuleSetInput } from "./engine/fetch-rules.js";
export { fetchRuleSet } from "./engine/fetch-rules.js";
export { RatingEngineError } from "./engine/python-values.js";
export { RuleSet } from "./engine/rule-set.js";
export type { StreamedPrice, UsageSource } from "./engine/stream.js";
export type { HashMapErrorReason } from "./errors.js";
export { HashMapHttpError, UnsupportedByServerError } from "./errors.js";
export {
  CreateFieldInput,
  CreateMappingInput,
  CreateThresholdInput,
  MappingPatch,
  RuleFilter,
  ThresholdPatch,
} from "./inputs.js";
export type { MapType } from "./models.js";
export { Field, Group, MAP_TYPES, Mapping, RatingModule, Service, Threshold } from "./models.js";
export { createField, deleteField, getField, listFields } from "./operations/fields.js";
export type { DeleteGroupInput } from "./operations/groups.js";
export {
  createGroup,
  deleteGroup,
  getGroup,
  listGroupMappings,
  listGroups,
  listGroupThresholds,
} from "./operations/groups.js";
export type { MappingRef, UpdateMappingInput } from "./operations/mappings.js";
export {
  createMapping,
  deleteMapping,
  getMapping,
  getMappingGroup,
  listMappings,
  updateMapping,
} from "./operations/mappings.js";
export type { UpdateModuleInput } from "./operations/modules.js";
export {
  disableHashMapModule,
  enableHashMapModule,
  getHashMapModule,
  getModule,
  listModules,
  setHashMapModulePriority,
  updateModule,
} from "./operations/modules.js";
export type { QuoteInput } from "./operations/quote.js";
export { quote } from "./operations/quote.js";
export {
  createService,
  deleteService,
  getService,
  listMapTypes,
  listServices,
} from "./operations/services.js";
export type { ThresholdRef, UpdateThresholdInput } from "./operations/thresholds.js";
export {
  createThreshold,
  deleteThreshold,
  getThreshold,
  getThresholdGroup,
  listThresholds,
  updateThreshold,
} from "./operations/thresholds.js";
export type { DescValue } from "./usage.js";
export { UsageRecord } from "./usage.js";
