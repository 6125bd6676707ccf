/**
 * @packageDocumentation
 * `@meterkit/ledger-client`: typed client for OpenStack Almanach, wire-identical to python-almanachclient
 * 0.0.6 except for the documented fixes (README, "Differences from the reference"). The `almanach` command
 * is the `./cli` subpath.
 */

export type { AlmanachClient } from "./client.js";
export { createAlmanachClient } from "./client.js";
export type { AlmanachClientOptions, AlmanachContext } from "./context.js";
export { createAlmanachContext } from "./context.js";
export type { DateInput } from "./dates.js";
export type { ClientError } from "./errors.js";
export { AlmanachEndpointNotFoundError, AlmanachHttpError, isClientError } from "./errors.js";
export type { AlmanachKeystoneOptions, EndpointInterface, EndpointLookupInput } from "./keystone.js";
export { AlmanachKeystoneClient } from "./keystone.js";
export type {
  AlmanachInfo,
  Entity,
  EntityBase,
  ImageMeta,
  InstanceEntity,
  VolumeEntity,
  VolumeType,
} from "./models.js";
export type { GetEntityInput, ListEntitiesInput, UpdateInstanceEntityInput } from "./operations/entities.js";
export { getEntity, listEntities, updateInstanceEntity } from "./operations/entities.js";
export type { GetInfoInput } from "./operations/info.js";
export { getInfo } from "./operations/info.js";
export type {
  CreateInstanceInput,
  DeleteInstanceInput,
  ImageMetaInput,
  ListInstancesInput,
  ResizeInstanceInput,
} from "./operations/instances.js";
export { createInstance, deleteInstance, listInstances, resizeInstance } from "./operations/instances.js";
export type {
  CreateVolumeTypeInput,
  ListVolumeTypesInput,
  VolumeTypeRefInput,
} from "./operations/volume-types.js";
export {
  createVolumeType,
  deleteVolumeType,
  getVolumeType,
  listVolumeTypes,
} from "./operations/volume-types.js";
export type {
  CreateVolumeInput,
  DeleteVolumeInput,
  ListVolumesInput,
  ResizeVolumeInput,
  VolumeAttachmentInput,
} from "./operations/volumes.js";
export {
  attachVolume,
  createVolume,
  deleteVolume,
  detachVolume,
  listVolumes,
  resizeVolume,
} from "./operations/volumes.js";
export type {
  ComponentUsage,
  ComponentUsageOptions,
  RatingResource,
  RatingResourceOptions,
} from "./usage/adapters.js";
export { toComponentUsages, toRatingResources } from "./usage/adapters.js";
export type { BucketSize } from "./usage/buckets.js";
export type { InstanceUsage, Usage, UsageBase, UsageOptions, VolumeUsage } from "./usage/compute.js";
export { computeUsage } from "./usage/compute.js";
export type { RowRef } from "./usage/errors.js";
export { OverlappingRowsError } from "./usage/errors.js";
export type { FleetUsageOptions, TenantUsage } from "./usage/fleet.js";
export { fleetUsage } from "./usage/fleet.js";
export type { Hours } from "./usage/quantity.js";
export { HOURS_SCALE } from "./usage/quantity.js";
