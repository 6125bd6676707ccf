/** `AlmanachClient`: the reference's `almanachclient.v1.client.Client`, one method per operation. */
import {
  type BaseUrl,
  type CallOptions,
  createHttpClient,
  type EndpointQuery,
  type HttpClient,
  type HttpClientOptions,
  InvalidInputError,
  type KeystoneAuth,
  noAuth,
  tokenAuth,
} from "@meterkit/core";
import { type AlmanachContext, PKG } from "./context.js";
import type { AlmanachInfo, Entity, InstanceEntity, VolumeEntity, VolumeType } from "./models.js";
import * as entities from "./operations/entities.js";
import { getInfo } from "./operations/info.js";
import * as instances from "./operations/instances.js";
import * as volumeTypes from "./operations/volume-types.js";
import * as volumes from "./operations/volumes.js";

/** Options of {@link AlmanachClient}. Give `url` or `keystone` (or both). @public */
export interface AlmanachClientOptions {
  /** Almanach's base URL (without `/v1`), or a resolver such as `AlmanachKeystoneClient#endpoint()`. */
  url?: BaseUrl | undefined;
  /** The `X-Auth-Token`. Default: a token from `keystone`; with neither, no token is sent (only `/v1/info` works). */
  token?: string | undefined;
  /** Core's Keystone strategy (`keystoneAuth(...)` or `AlmanachKeystoneClient#auth`): token and catalog. */
  keystone?: KeystoneAuth | undefined;
  /**
   * Without `url`: how to find Almanach in the token's catalog. Default `{ type: "usage", interface: "public" }`
   * (devstack registers Almanach as type `usage`; the reference's default `cloudmetrics` matches nothing).
   */
  endpoint?: EndpointQuery | undefined;
  dispatcher?: HttpClientOptions["dispatcher"];
  middleware?: HttpClientOptions["middleware"];
  timeoutMs?: number | undefined;
  userAgent?: string | undefined;
  /** Clock for the "now" defaults of delete/resize/attach/detach/create-volume. */
  now?: (() => Date) | undefined;
}

/** Typed client for the Almanach v1 API. Every method ends with `options?: CallOptions`. @public */
export class AlmanachClient {
  /** The HTTP client (core) this client sends through. */
  readonly http: HttpClient;
  readonly #ctx: AlmanachContext;

  constructor(options: AlmanachClientOptions) {
    const baseUrl =
      options.url ?? options.keystone?.endpoint({ type: "usage", interface: "public", ...options.endpoint });
    if (!baseUrl) {
      // The reference raises ValueError('A session or an endpoint must be provided').
      throw new InvalidInputError([{ path: ["url"], message: "is required unless keystone is given" }], {
        package: PKG,
      });
    }
    const auth =
      options.token !== undefined
        ? tokenAuth({ token: options.token, header: "X-Auth-Token" })
        : (options.keystone ?? noAuth);
    this.http = createHttpClient({
      baseUrl,
      auth,
      dispatcher: options.dispatcher,
      middleware: options.middleware,
      timeoutMs: options.timeoutMs,
      userAgent: options.userAgent ?? "meterkit-ledger-client",
      // The reference sends this on every request, GETs included.
      headers: { "content-type": "application/json" },
      packageName: PKG,
    });
    this.#ctx = { http: this.http, now: options.now ?? (() => new Date()) };
  }

  /** Server version and entity counts. */
  getInfo(options?: CallOptions): Promise<AlmanachInfo> {
    return getInfo(this.#ctx, options);
  }
  /** All volume types. */
  getVolumeTypes(options?: CallOptions): Promise<VolumeType[]> {
    return volumeTypes.getVolumeTypes(this.#ctx, options);
  }
  /** One volume type. */
  getVolumeType(volumeTypeId: string, options?: CallOptions): Promise<VolumeType> {
    return volumeTypes.getVolumeType(this.#ctx, volumeTypeId, options);
  }
  /** Create a volume type. */
  createVolumeType(input: volumeTypes.CreateVolumeTypeInput, options?: CallOptions): Promise<true> {
    return volumeTypes.createVolumeType(this.#ctx, input, options);
  }
  /** Delete a volume type. */
  deleteVolumeType(volumeTypeId: string, options?: CallOptions): Promise<true> {
    return volumeTypes.deleteVolumeType(this.#ctx, volumeTypeId, options);
  }
  /** Instances and volumes of a tenant in a period. */
  getTenantEntities(input: entities.GetTenantEntitiesInput, options?: CallOptions): Promise<Entity[]> {
    return entities.getTenantEntities(this.#ctx, input, options);
  }
  /** Every row of one entity. */
  getEntity(entityId: string, options?: CallOptions): Promise<Entity[]> {
    return entities.getEntity(this.#ctx, entityId, options);
  }
  /** Instances of a tenant in a period. */
  getInstances(input: instances.GetInstancesInput, options?: CallOptions): Promise<InstanceEntity[]> {
    return instances.getInstances(this.#ctx, input, options);
  }
  /** Record a new instance. */
  createInstance(input: instances.CreateInstanceInput, options?: CallOptions): Promise<true> {
    return instances.createInstance(this.#ctx, input, options);
  }
  /** Change the active row of an instance. */
  updateInstanceEntity(
    input: entities.UpdateInstanceEntityInput,
    options?: CallOptions,
  ): Promise<InstanceEntity> {
    return entities.updateInstanceEntity(this.#ctx, input, options);
  }
  /** Close an instance. */
  deleteInstance(input: instances.DeleteInstanceInput, options?: CallOptions): Promise<true> {
    return instances.deleteInstance(this.#ctx, input, options);
  }
  /** Change an instance's flavor. */
  resizeInstance(input: instances.ResizeInstanceInput, options?: CallOptions): Promise<true> {
    return instances.resizeInstance(this.#ctx, input, options);
  }
  /** Volumes of a tenant in a period. */
  getVolumes(input: volumes.GetVolumesInput, options?: CallOptions): Promise<VolumeEntity[]> {
    return volumes.getVolumes(this.#ctx, input, options);
  }
  /** Record a new volume. */
  createVolume(input: volumes.CreateVolumeInput, options?: CallOptions): Promise<true> {
    return volumes.createVolume(this.#ctx, input, options);
  }
  /** Close a volume. */
  deleteVolume(input: volumes.DeleteVolumeInput, options?: CallOptions): Promise<true> {
    return volumes.deleteVolume(this.#ctx, input, options);
  }
  /** Change a volume's size. */
  resizeVolume(input: volumes.ResizeVolumeInput, options?: CallOptions): Promise<true> {
    return volumes.resizeVolume(this.#ctx, input, options);
  }
  /** Attach instances to a volume. */
  attachVolume(input: volumes.VolumeAttachmentInput, options?: CallOptions): Promise<true> {
    return volumes.attachVolume(this.#ctx, input, options);
  }
  /** Detach instances; `attachments` lists those that remain. */
  detachVolume(input: volumes.VolumeAttachmentInput, options?: CallOptions): Promise<true> {
    return volumes.detachVolume(this.#ctx, input, options);
  }
}
