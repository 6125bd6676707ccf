/**
 * `createAlmanachClient()`: the reference's `almanachclient.v1.client.Client`, as one namespaced table of
 * the standalone operations bound to a context.
 */
import { type BoundOperations, bindOperations, type HttpClient } from "@meterkit/core";
import { type AlmanachClientOptions, type AlmanachContext, createAlmanachContext } from "./context.js";
import { getEntity, listEntities, updateInstanceEntity } from "./operations/entities.js";
import { getInfo } from "./operations/info.js";
import { createInstance, deleteInstance, listInstances, resizeInstance } from "./operations/instances.js";
import {
  createVolumeType,
  deleteVolumeType,
  getVolumeType,
  listVolumeTypes,
} from "./operations/volume-types.js";
import {
  attachVolume,
  createVolume,
  deleteVolume,
  detachVolume,
  listVolumes,
  resizeVolume,
} from "./operations/volumes.js";

/** Every operation, by resource and verb: `client.<resource>.<verb>(input, callOptions)`. @internal */
const OPERATIONS = {
  /** The server itself. */
  info: {
    /** Server version and entity counts (`get_info`). */
    get: getInfo,
  },
  /** Volume types. */
  volumeTypes: {
    /** All volume types (`get_volume_types`). */
    list: listVolumeTypes,
    /** One volume type, `{ volumeTypeId }` (`get_volume_type`). */
    get: getVolumeType,
    /** Create a volume type (`create_volume_type`). */
    create: createVolumeType,
    /** Delete a volume type, `{ volumeTypeId }` (`delete_volume_type`). */
    delete: deleteVolumeType,
  },
  /** Entity rows of either kind. */
  entities: {
    /** Instances and volumes of a tenant in a period (`get_tenant_entities`). */
    list: listEntities,
    /** Every row of one entity, `{ entityId }` (`get_entity`). */
    get: getEntity,
    /** Change the active row of an instance (`update_instance_entity`). */
    updateInstance: updateInstanceEntity,
  },
  /** Instances. */
  instances: {
    /** Instances of a tenant in a period (`get_instances`). */
    list: listInstances,
    /** Record a new instance (`create_instance`). */
    create: createInstance,
    /** Close an instance (`delete_instance`). */
    delete: deleteInstance,
    /** Change an instance's flavor (`resize_instance`). */
    resize: resizeInstance,
  },
  /** Volumes. */
  volumes: {
    /** Volumes of a tenant in a period (`get_volumes`). */
    list: listVolumes,
    /** Record a new volume (`create_volume`). */
    create: createVolume,
    /** Close a volume (`delete_volume`). */
    delete: deleteVolume,
    /** Change a volume's size (`resize_volume`). */
    resize: resizeVolume,
    /** Attach instances to a volume (`attach_volume`). */
    attach: attachVolume,
    /** Detach instances; `attachments` lists those that remain (`detach_volume`). */
    detach: detachVolume,
  },
} as const;

/** The Almanach client: its context (`http`, `now`) and every operation by resource. @public */
export type AlmanachClient = AlmanachContext & BoundOperations<AlmanachContext, typeof OPERATIONS>;

/**
 * A typed client for the Almanach v1 API. Every call is `client.<resource>.<verb>(input, callOptions)`.
 * @example
 * ```ts
 * const almanach = createAlmanachClient({ baseUrl: "http://almanach:8000", token });
 * const rows = await almanach.entities.list({ tenantId, start: "2017-01-01" });
 * ```
 * @public
 */
export function createAlmanachClient(options: AlmanachClientOptions | HttpClient): AlmanachClient {
  const context = createAlmanachContext(options);
  return { ...context, ...bindOperations(context, OPERATIONS) };
}
