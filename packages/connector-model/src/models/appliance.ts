import {
  type BaseResourceOptions,
  RESOURCE_SPEC,
  Resource,
  type ResourceOptions,
  subclassSpec,
} from "./resource.js";

/** Appliance types the docs list; like the original, others are accepted. @public */
export type ApplianceTypeId =
  | "firewall"
  | "load_balancer"
  | "router"
  | "switch"
  | "storage"
  | "kvm"
  | "unknown";

/** Options of {@link Appliance}. @public */
export interface ApplianceOptions extends BaseResourceOptions {
  /** Accepted and ignored, as in the original. */
  sizeB?: number | null | undefined;
  /** Kind of appliance. */
  typeId?: ApplianceTypeId | (string & {}) | null | undefined;
}

/**
 * An appliance (`type: "appliance"`).
 * @public
 */
export class Appliance extends Resource {
  /** @internal */
  static override readonly [RESOURCE_SPEC] = subclassSpec("Appliance", "appliance", ["sizeB", "typeId"]);

  typeId: unknown;

  constructor(options: ApplianceOptions) {
    super(options as ResourceOptions);
    this.typeId = options.typeId ?? null;
  }

  protected override serializeDetails(): Record<string, unknown> {
    return { type_id: this.typeId };
  }
}
