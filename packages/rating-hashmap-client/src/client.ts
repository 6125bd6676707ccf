/** The HashMap client: one table of operations bound to a context (see `context.ts` for how it is built). */
import { type BoundOperations, bindOperations, type HttpClient } from "@meterkit/core";
import { createHashMapContext, type HashMapClientOptions, type HashMapContext } from "./context.js";
import { createField, deleteField, getField, listFields } from "./operations/fields.js";
import {
  createGroup,
  deleteGroup,
  getGroup,
  listGroupMappings,
  listGroups,
  listGroupThresholds,
} from "./operations/groups.js";
import {
  createMapping,
  deleteMapping,
  getMapping,
  getMappingGroup,
  listMappings,
  updateMapping,
} from "./operations/mappings.js";
import {
  disableHashMapModule,
  enableHashMapModule,
  getHashMapModule,
  getModule,
  listModules,
  setHashMapModulePriority,
  updateModule,
} from "./operations/modules.js";
import { quote } from "./operations/quote.js";
import {
  createService,
  deleteService,
  getService,
  listMapTypes,
  listServices,
} from "./operations/services.js";
import {
  createThreshold,
  deleteThreshold,
  getThreshold,
  getThresholdGroup,
  listThresholds,
  updateThreshold,
} from "./operations/thresholds.js";

const OPERATIONS = {
  mapTypes: {
    /** `GET …/types`: `["flat", "rate"]`. */
    list: listMapTypes,
  },
  services: {
    /** `GET …/services`: every HashMap service. */
    list: listServices,
    /** `GET …/services/{id}`: one service, `{ serviceId }`. */
    get: getService,
    /** `POST …/services`: `name` is the collected service (the usage key), e.g. `instance`. */
    create: createService,
    /** Recursive: deletes the service's fields, mappings and thresholds. */
    delete: deleteService,
  },
  fields: {
    /** `GET …/fields?service_id=`: the fields of one service, `{ serviceId }`. */
    list: listFields,
    /** `GET …/fields/{id}`: one field, `{ fieldId }`. */
    get: getField,
    /** `POST …/fields`: `name` is a key of the usage's `desc`, e.g. `flavor_id`. */
    create: createField,
    /** Recursive: deletes the field's mappings and thresholds. */
    delete: deleteField,
  },
  groups: {
    /** `GET …/groups`: every HashMap group. */
    list: listGroups,
    /** `GET …/groups/{id}`: one group, `{ groupId }`. */
    get: getGroup,
    /** `POST …/groups`: a new, empty group. */
    create: createGroup,
    /** `DELETE …/groups/{id}`: keeps its rules (ungrouped) unless `recursive` is true. */
    delete: deleteGroup,
    /** `GET …/groups/{id}/mappings`: the group's mappings. */
    mappings: listGroupMappings,
    /** `GET …/groups/{id}/thresholds`: the group's thresholds. */
    thresholds: listGroupThresholds,
  },
  mappings: {
    /** `GET …/mappings`: the filter must give `service_id`, `field_id` or `group_id`. */
    list: listMappings,
    /** `GET …/mappings/{id}`: one mapping, `{ mappingId }`. */
    get: getMapping,
    /** `POST …/mappings`: exactly one parent; `value` only (and always) for a field mapping. */
    create: createMapping,
    /** Read-merge-write `{ mappingId, patch }`: a PUT resets whatever it leaves out, so nothing is left out. */
    update: updateMapping,
    /** `DELETE …/mappings/{id}`. */
    delete: deleteMapping,
    /** The mapping's group, or `null` when it has none. */
    group: getMappingGroup,
  },
  thresholds: {
    /** `GET …/thresholds`: the filter must give `service_id`, `field_id` or `group_id`. */
    list: listThresholds,
    /** `GET …/thresholds/{id}`: one threshold, `{ thresholdId }`. */
    get: getThreshold,
    /** `POST …/thresholds`: exactly one parent; `level` and `cost` are decimal strings. */
    create: createThreshold,
    /** Read-merge-write `{ thresholdId, patch }`: a PUT resets whatever it leaves out, so nothing is left out. */
    update: updateThreshold,
    /** `DELETE …/thresholds/{id}`. */
    delete: deleteThreshold,
    /** The threshold's group, or `null` when it has none. */
    group: getThresholdGroup,
  },
  modules: {
    /** `GET /v1/rating/modules`: every rating module (admin only under Keystone). */
    list: listModules,
    /** `GET /v1/rating/modules/{id}`, `{ moduleId }` (default `hashmap`). */
    get: getModule,
    /** `PUT /v1/rating/modules/{id}`: `{ moduleId, enabled?, priority? }`; returns the module as stored. */
    update: updateModule,
  },
  module: {
    /** The HashMap module's state and priority. */
    get: getHashMapModule,
    /** Enables the HashMap module. */
    enable: enableHashMapModule,
    /** Disables the HashMap module. */
    disable: disableHashMapModule,
    /** Sets the HashMap module's priority, `{ priority }`. */
    setPriority: setHashMapModulePriority,
  },
  /** `POST /v1/rating/quote`, `{ resources }`: the server's price, as a decimal string. */
  quote,
} as const;

/** The client {@link createHashMapClient} returns: its context and every operation bound to it. @public */
export type HashMapClient = HashMapContext & BoundOperations<HashMapContext, typeof OPERATIONS>;

/**
 * A typed client for CloudKitty's HashMap rating module, its module switch and quotes.
 * @example
 * ```ts
 * const hashmap = createHashMapClient({ baseUrl: "http://127.0.0.1:8889" });
 * const svc = await hashmap.services.create({ name: "instance" });
 * await hashmap.mappings.create({ service_id: svc.service_id, type: "flat", cost: "0.5" });
 * console.log(await hashmap.quote({ resources: [{ service: "instance", volume: "2" }] }));
 * ```
 * @public
 */
export function createHashMapClient(options: HashMapClientOptions | HttpClient): HashMapClient {
  const context = createHashMapContext(options);
  return { ...context, ...bindOperations(context, OPERATIONS) };
}
