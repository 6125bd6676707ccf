import {
  type BaseResourceOptions,
  RESOURCE_SPEC,
  Resource,
  type ResourceOptions,
  subclassSpec,
} from "./resource.js";

/** Options of {@link ComputePool}. @public */
export interface ComputePoolOptions extends BaseResourceOptions {
  /** CPU in Hz. */
  cpuHz?: number | null | undefined;
  /** Memory in bytes. */
  memoryB?: number | null | undefined;
  /** Storage in bytes. */
  storageB?: number | null | undefined;
  /** Billing tag; `billing_tag` is emitted only when given. */
  billingTag?: string | null | undefined;
}

/**
 * A compute pool (`type: "compute_pool"`).
 * @public
 */
export class ComputePool extends Resource {
  /** @internal */
  static override readonly [RESOURCE_SPEC] = subclassSpec("ComputePool", "compute_pool", [
    "cpuHz",
    "memoryB",
    "storageB",
    "billingTag",
  ]);

  cpuHz: unknown;
  memoryB: unknown;
  storageB: unknown;
  billingTag: unknown;

  constructor(options: ComputePoolOptions) {
    super(options as ResourceOptions);
    this.cpuHz = options.cpuHz ?? null;
    this.memoryB = options.memoryB ?? null;
    this.storageB = options.storageB ?? null;
    this.billingTag = options.billingTag ?? null;
  }

  protected override serializeDetails(): Record<string, unknown> {
    const details: Record<string, unknown> = {
      cpu_hz: this.cpuHz,
      memory_b: this.memoryB,
      storage_b: this.storageB,
    };
    if (this.billingTag !== null) details.billing_tag = this.billingTag;
    return details;
  }
}
