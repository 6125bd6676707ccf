import { pyInt } from "../python/int.js";
import {
  type BaseResourceOptions,
  RESOURCE_SPEC,
  Resource,
  type ResourceOptions,
  subclassSpec,
} from "./resource.js";

/** Options of {@link Volume}. @public */
export interface VolumeOptions extends BaseResourceOptions {
  /** Size in bytes (emitted as given). */
  sizeB?: number | null | undefined;
  /** Whether the volume is encrypted. */
  encrypted?: boolean | null | undefined;
  /** IOPS; converted with Python `int()` rules at serialize time (`"1_000"` → 1000, 2.9 → 2). */
  iops?: number | string | bigint | null | undefined;
  /** Zone name; `zone_name` is emitted only when given. */
  zoneName?: string | null | undefined;
}

/**
 * A volume (`type: "volume"`).
 * @public
 */
export class Volume extends Resource {
  /** @internal */
  static override readonly [RESOURCE_SPEC] = subclassSpec("Volume", "volume", [
    "sizeB",
    "encrypted",
    "iops",
    "zoneName",
  ]);

  sizeB: unknown;
  encrypted: unknown;
  iops: unknown;
  zoneName: unknown;

  constructor(options: VolumeOptions) {
    super(options as ResourceOptions);
    this.sizeB = options.sizeB ?? null;
    this.encrypted = options.encrypted ?? null;
    this.iops = options.iops ?? null;
    this.zoneName = options.zoneName ?? null;
  }

  protected override serializeDetails(): Record<string, unknown> {
    const details: Record<string, unknown> = {
      encrypted: this.encrypted,
      iops: this.iops === null ? null : jsonInt(pyInt(this.iops, "iops")),
      size_b: this.sizeB,
    };
    if (this.zoneName !== null) details.zone_name = this.zoneName;
    return details;
  }
}

// JSON.stringify throws on a bigint, so one that fits a double's exact range is sent as a number.
function jsonInt(value: number | bigint): number | bigint {
  return typeof value === "bigint" && Number.isSafeInteger(Number(value)) ? Number(value) : value;
}
