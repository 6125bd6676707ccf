import {
  type BaseUrl,
  type CallOptions,
  createHttpClient,
  type EndpointQuery,
  type HttpClient,
  type HttpClientOptions,
  InvalidInputError,
  type KeystoneAuth,
} from "@meterkit/core";
import type {
  CreateFieldInput,
  CreateMappingInput,
  CreateThresholdInput,
  MappingPatch,
  RuleFilter,
  ThresholdPatch,
} from "./inputs.js";
import { PKG } from "./inputs.js";
import { createField, deleteField, getField, listFields } from "./operations/fields.js";
import {
  createGroup,
  type DeleteGroupOptions,
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
import { getModule, listModules, updateModule } from "./operations/modules.js";
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
import type { UsageRecord } from "./usage.js";

/** Options of {@link createHashMapClient}: core's HTTP options, with `baseUrl` optional under Keystone. @public */
export interface HashMapClientOptions extends Omit<HttpClientOptions, "baseUrl" | "packageName"> {
  /**
   * CloudKitty's root URL (e.g. `http://127.0.0.1:8889`; a trailing `/v1` is dropped). Default with
   * `keystoneAuth`: the catalog's endpoint of type `rating`.
   */
  baseUrl?: BaseUrl;
  /** Which catalog endpoint to use when `baseUrl` comes from Keystone (default: public, any region). */
  endpoint?: Omit<EndpointQuery, "type" | "name" | "id">;
  /** Use this HTTP client instead of creating one (the other options are then ignored). */
  http?: HttpClient;
}

function resolveBaseUrl(options: HashMapClientOptions): BaseUrl {
  const { baseUrl, auth } = options;
  if (typeof baseUrl === "string" || baseUrl instanceof URL) return String(baseUrl).replace(/\/v1\/?$/, "");
  if (baseUrl) return baseUrl;
  const keystone = auth as Partial<KeystoneAuth> | undefined;
  if (typeof keystone?.endpoint === "function")
    return keystone.endpoint({ type: "rating", ...options.endpoint });
  throw new InvalidInputError(
    [{ path: ["baseUrl"], message: "is required unless auth is keystoneAuth (catalog type rating)" }],
    {
      package: PKG,
    },
  );
}

/**
 * A typed client for CloudKitty's HashMap rating module, its module switch and quotes.
 * @example
 * ```ts
 * const hashmap = createHashMapClient({ baseUrl: "http://127.0.0.1:8889" });
 * const svc = await hashmap.services.create({ name: "instance" });
 * await hashmap.mappings.create({ service_id: svc.service_id, type: "flat", cost: "0.5" });
 * console.log(await hashmap.quote([{ service: "instance", volume: "2" }])); // "1.000000000000000000000000000"
 * ```
 * @public
 */
export function createHashMapClient(options: HashMapClientOptions) {
  const { http: given, endpoint: _endpoint, ...rest } = options;
  const http = given ?? createHttpClient({ ...rest, baseUrl: resolveBaseUrl(options), packageName: PKG });
  type O = CallOptions;
  return {
    /** The underlying core HTTP client. */
    http,
    /** `GET …/types`: `["flat", "rate"]`. */
    mapTypes: (o?: O) => listMapTypes(http, o),
    services: {
      /** `GET …/services`: every HashMap service. */
      list: (o?: O) => listServices(http, o),
      /** `GET …/services/{id}`: one service by UUID. */
      get: (id: string, o?: O) => getService(http, id, o),
      /** `POST …/services`: `name` is the collected service (the usage key), e.g. `instance`. */
      create: (input: { name: string }, o?: O) => createService(http, input, o),
      /** Recursive: deletes the service's fields, mappings and thresholds. */
      delete: (id: string, o?: O) => deleteService(http, id, o),
    },
    fields: {
      /** `GET …/fields?service_id=`: the fields of one service (the server requires the service). */
      list: (serviceId: string, o?: O) => listFields(http, serviceId, o),
      /** `GET …/fields/{id}`: one field by UUID. */
      get: (id: string, o?: O) => getField(http, id, o),
      /** `POST …/fields`: `name` is a key of the usage's `desc`, e.g. `flavor_id`. */
      create: (input: CreateFieldInput, o?: O) => createField(http, input, o),
      /** Recursive: deletes the field's mappings and thresholds. */
      delete: (id: string, o?: O) => deleteField(http, id, o),
    },
    groups: {
      /** `GET …/groups`: every HashMap group. */
      list: (o?: O) => listGroups(http, o),
      /** `GET …/groups/{id}`: one group by UUID. */
      get: (id: string, o?: O) => getGroup(http, id, o),
      /** `POST …/groups`: a new, empty group. */
      create: (input: { name: string }, o?: O) => createGroup(http, input, o),
      /** `DELETE …/groups/{id}`: keeps its rules (ungrouped) unless `o.recursive` is true. */
      delete: (id: string, o?: DeleteGroupOptions) => deleteGroup(http, id, o),
      /** `GET …/groups/{id}/mappings`: the group's mappings. */
      mappings: (id: string, o?: O) => listGroupMappings(http, id, o),
      /** `GET …/groups/{id}/thresholds`: the group's thresholds. */
      thresholds: (id: string, o?: O) => listGroupThresholds(http, id, o),
    },
    mappings: {
      /** `GET …/mappings`: the filter must give `service_id`, `field_id` or `group_id`. */
      list: (filter: RuleFilter, o?: O) => listMappings(http, filter, o),
      /** `GET …/mappings/{id}`: one mapping by UUID. */
      get: (id: string, o?: O) => getMapping(http, id, o),
      /**
       * `POST …/mappings`: exactly one parent; `value` only (and always) for a field mapping; `cost` a
       * decimal string.
       */
      create: (input: CreateMappingInput, o?: O) => createMapping(http, input, o),
      /**
       * Read-merge-write: GET the mapping, apply `patch`, PUT the whole object (a PUT resets whatever it
       * leaves out), then return the mapping as stored.
       */
      update: (id: string, patch: MappingPatch, o?: O) => updateMapping(http, id, patch, o),
      /** `DELETE …/mappings/{id}`. */
      delete: (id: string, o?: O) => deleteMapping(http, id, o),
      /** The mapping's group, or `null` when it has none. */
      group: (id: string, o?: O) => getMappingGroup(http, id, o),
    },
    thresholds: {
      /** `GET …/thresholds`: the filter must give `service_id`, `field_id` or `group_id`. */
      list: (filter: RuleFilter, o?: O) => listThresholds(http, filter, o),
      /** `GET …/thresholds/{id}`: one threshold by UUID. */
      get: (id: string, o?: O) => getThreshold(http, id, o),
      /** `POST …/thresholds`: exactly one parent; `level` and `cost` are decimal strings. */
      create: (input: CreateThresholdInput, o?: O) => createThreshold(http, input, o),
      /**
       * Read-merge-write: GET the threshold, apply `patch`, PUT the whole object (a PUT resets whatever it
       * leaves out), then return the threshold as stored.
       */
      update: (id: string, patch: ThresholdPatch, o?: O) => updateThreshold(http, id, patch, o),
      /** `DELETE …/thresholds/{id}`. */
      delete: (id: string, o?: O) => deleteThreshold(http, id, o),
      /** The threshold's group, or `null` when it has none. */
      group: (id: string, o?: O) => getThresholdGroup(http, id, o),
    },
    modules: {
      /**
       * `GET /v1/rating/modules`: every rating module with its state and priority (admin only under
       * Keystone).
       */
      list: (o?: O) => listModules(http, o),
      /** `GET /v1/rating/modules/{id}` (default `hashmap`). */
      get: (id = "hashmap", o?: O) => getModule(http, id, o),
      /**
       * `PUT /v1/rating/modules/{id}`: enable/disable a module and/or set its priority; returns it as stored.
       */
      update: (id: string, change: { enabled?: boolean; priority?: number }, o?: O) =>
        updateModule(http, id, change, o),
    },
    /** The HashMap module's switch and priority (`/v1/rating/modules/hashmap`). */
    module: {
      /** The HashMap module's state and priority. */
      get: (o?: O) => getModule(http, "hashmap", o),
      /** Enables the HashMap module; returns it as stored. */
      enable: (o?: O) => updateModule(http, "hashmap", { enabled: true }, o),
      /** Disables the HashMap module; returns it as stored. */
      disable: (o?: O) => updateModule(http, "hashmap", { enabled: false }, o),
      /** Sets the HashMap module's priority (an integer); returns it as stored. */
      setPriority: (priority: number, o?: O) => updateModule(http, "hashmap", { priority }, o),
    },
    /** `POST /v1/rating/quote`: the server's price, as a decimal string. */
    quote: (resources: readonly UsageRecord[], o?: O) => quote(http, resources, o),
  } as const;
}

/** The client {@link createHashMapClient} returns. @public */
export type HashMapClient = ReturnType<typeof createHashMapClient>;
