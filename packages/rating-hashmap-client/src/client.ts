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
      list: (o?: O) => listServices(http, o),
      get: (id: string, o?: O) => getService(http, id, o),
      create: (input: { name: string }, o?: O) => createService(http, input, o),
      /** Recursive: deletes the service's fields, mappings and thresholds. */
      delete: (id: string, o?: O) => deleteService(http, id, o),
    },
    fields: {
      list: (serviceId: string, o?: O) => listFields(http, serviceId, o),
      get: (id: string, o?: O) => getField(http, id, o),
      create: (input: CreateFieldInput, o?: O) => createField(http, input, o),
      /** Recursive: deletes the field's mappings and thresholds. */
      delete: (id: string, o?: O) => deleteField(http, id, o),
    },
    groups: {
      list: (o?: O) => listGroups(http, o),
      get: (id: string, o?: O) => getGroup(http, id, o),
      create: (input: { name: string }, o?: O) => createGroup(http, input, o),
      delete: (id: string, o?: DeleteGroupOptions) => deleteGroup(http, id, o),
      mappings: (id: string, o?: O) => listGroupMappings(http, id, o),
      thresholds: (id: string, o?: O) => listGroupThresholds(http, id, o),
    },
    mappings: {
      list: (filter: RuleFilter, o?: O) => listMappings(http, filter, o),
      get: (id: string, o?: O) => getMapping(http, id, o),
      create: (input: CreateMappingInput, o?: O) => createMapping(http, input, o),
      update: (id: string, patch: MappingPatch, o?: O) => updateMapping(http, id, patch, o),
      delete: (id: string, o?: O) => deleteMapping(http, id, o),
      group: (id: string, o?: O) => getMappingGroup(http, id, o),
    },
    thresholds: {
      list: (filter: RuleFilter, o?: O) => listThresholds(http, filter, o),
      get: (id: string, o?: O) => getThreshold(http, id, o),
      create: (input: CreateThresholdInput, o?: O) => createThreshold(http, input, o),
      update: (id: string, patch: ThresholdPatch, o?: O) => updateThreshold(http, id, patch, o),
      delete: (id: string, o?: O) => deleteThreshold(http, id, o),
      group: (id: string, o?: O) => getThresholdGroup(http, id, o),
    },
    modules: {
      list: (o?: O) => listModules(http, o),
      get: (id = "hashmap", o?: O) => getModule(http, id, o),
      update: (id: string, change: { enabled?: boolean; priority?: number }, o?: O) =>
        updateModule(http, id, change, o),
    },
    /** The HashMap module's switch and priority (`/v1/rating/modules/hashmap`). */
    module: {
      get: (o?: O) => getModule(http, "hashmap", o),
      enable: (o?: O) => updateModule(http, "hashmap", { enabled: true }, o),
      disable: (o?: O) => updateModule(http, "hashmap", { enabled: false }, o),
      setPriority: (priority: number, o?: O) => updateModule(http, "hashmap", { priority }, o),
    },
    /** `POST /v1/rating/quote`: the server's price, as a decimal string. */
    quote: (resources: readonly UsageRecord[], o?: O) => quote(http, resources, o),
  } as const;
}

/** The client {@link createHashMapClient} returns. @public */
export type HashMapClient = ReturnType<typeof createHashMapClient>;
