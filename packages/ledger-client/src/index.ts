/**
 * @packageDocumentation
 * `@meterkit/ledger-client`: typed client and `almanach` CLI for OpenStack Almanach, wire-identical to
 * python-almanachclient 0.0.6 except for the documented fixes (README, "Differences from the reference").
 */

export type { CliIo } from "./cli/main.js";
export { runCli } from "./cli/main.js";
export type { AlmanachClientOptions } from "./client.js";
export { AlmanachClient } from "./client.js";
export type { DateInput } from "./dates.js";
export type { ClientError } from "./errors.js";
export { AlmanachEndpointNotFoundError, AlmanachHttpError, isClientError } from "./errors.js";
export type { AlmanachKeystoneOptions, EndpointInterface } from "./keystone.js";
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
export type { GetTenantEntitiesInput, UpdateInstanceEntityInput } from "./operations/entities.js";
export type {
  CreateInstanceInput,
  DeleteInstanceInput,
  GetInstancesInput,
  ImageMetaInput,
  ResizeInstanceInput,
} from "./operations/instances.js";
export type { CreateVolumeTypeInput } from "./operations/volume-types.js";
export type {
  CreateVolumeInput,
  DeleteVolumeInput,
  GetVolumesInput,
  ResizeVolumeInput,
  VolumeAttachmentInput,
} from "./operations/volumes.js";
