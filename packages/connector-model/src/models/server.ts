import { pyTypeName } from "@meterkit/core/python";
import { InvalidTypeError } from "../errors.js";
import type { ImageDetail } from "./image-detail.js";
import type { IpAddress } from "./ip-address.js";
import {
  type BaseResourceOptions,
  callSerialize,
  RESOURCE_SPEC,
  Resource,
  type ResourceOptions,
  subclassSpec,
} from "./resource.js";

/** Documented CMP server states; like the original, others are accepted and emitted as given. @public */
export type ServerState =
  | "unknown"
  | "pending"
  | "running"
  | "shutting"
  | "terminated"
  | "stopping"
  | "stopped";

/** Options of {@link Server}. Numeric fields are emitted as given (no coercion). @public */
export interface ServerOptions extends BaseResourceOptions {
  /** CPU speed in Hz. */
  cpuHz?: number | null | undefined;
  /** Number of CPU cores. */
  cpuCores?: number | null | undefined;
  /** RAM size in bytes. */
  ramB?: number | null | undefined;
  /** Total volume size in bytes. */
  volumesB?: number | null | undefined;
  /** CMP state (default `unknown`). */
  state?: ServerState | (string & {}) | null | undefined;
  /** Provider's own description of the state (default `unknown`). */
  providerState?: string | null | undefined;
  /** Build image of the server. */
  imageDetail?: ImageDetail | null | undefined;
  /** Instance type, e.g. `m4.large`. */
  instanceType?: string | null | undefined;
  /** IP addresses of the server. */
  ipAddresses?: readonly IpAddress[] | null | undefined;
  /** Whether the server is virtual; `is_virtual` is emitted only when given. */
  isVirtual?: boolean | null | undefined;
}

/**
 * A server (`type: "server"`).
 * @public
 */
export class Server extends Resource {
  /** @internal */
  static override readonly [RESOURCE_SPEC] = subclassSpec("Server", "server", [
    "cpuHz",
    "cpuCores",
    "ramB",
    "volumesB",
    "state",
    "providerState",
    "imageDetail",
    "instanceType",
    "ipAddresses",
    "isVirtual",
  ]);

  cpuHz: unknown;
  cpuCores: unknown;
  ramB: unknown;
  volumesB: unknown;
  state: unknown;
  providerState: unknown;
  imageDetail: ImageDetail | null;
  instanceType: unknown;
  ipAddresses: readonly IpAddress[] | null;
  isVirtual: unknown;

  constructor(options: ServerOptions) {
    super(options as ResourceOptions);
    this.cpuHz = options.cpuHz ?? null;
    this.cpuCores = options.cpuCores ?? null;
    this.ramB = options.ramB ?? null;
    this.volumesB = options.volumesB ?? null;
    this.state = options.state ?? null;
    this.providerState = options.providerState ?? null;
    this.imageDetail = options.imageDetail ?? null;
    this.instanceType = options.instanceType ?? null;
    this.ipAddresses = options.ipAddresses ?? null;
    this.isVirtual = options.isVirtual ?? null;
  }

  protected override serializeDetails(): Record<string, unknown> {
    const ips = this.ipAddresses;
    const details: Record<string, unknown> = {
      cpu_cores: this.cpuCores,
      cpu_hz: this.cpuHz,
      ram_b: this.ramB,
      volumes_b: this.volumesB,
      instance_type: this.instanceType,
      state: this.state ?? "unknown",
      provider_state: this.providerState ?? "unknown",
      ip_addresses:
        ips === null ? [] : Array.from(iterable(ips), (ip, i) => callSerialize(ip, `ipAddresses[${i}]`)),
      image_detail: this.imageDetail === null ? null : callSerialize(this.imageDetail, "imageDetail"),
    };
    if (this.isVirtual !== null) details.is_virtual = this.isVirtual;
    return details;
  }
}

// The original iterates `ip_addresses`, so one IpAddress not in a list raises TypeError there;
// Array.from would quietly give [] for it.
function iterable(value: unknown): Iterable<unknown> {
  if (value !== null && typeof value === "object" && Symbol.iterator in value)
    return value as Iterable<unknown>;
  if (typeof value === "string") return value;
  throw new InvalidTypeError(`ipAddresses: '${pyTypeName(value)}' object is not iterable`, "ipAddresses");
}
