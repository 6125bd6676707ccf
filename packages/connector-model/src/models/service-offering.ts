import {
  type BaseResourceOptions,
  RESOURCE_SPEC,
  Resource,
  type ResourceOptions,
  subclassSpec,
} from "./resource.js";

/** Options of {@link ServiceOffering}. @public */
export interface ServiceOfferingOptions extends BaseResourceOptions {
  /** Type of service offering (free text). */
  typeId?: string | null | undefined;
}

/**
 * A service offering (`type: "service_offering"`).
 * @public
 */
export class ServiceOffering extends Resource {
  /** @internal */
  static override readonly [RESOURCE_SPEC] = subclassSpec("ServiceOffering", "service_offering", ["typeId"]);

  typeId: unknown;

  constructor(options: ServiceOfferingOptions) {
    super(options as ResourceOptions);
    this.typeId = options.typeId ?? null;
  }

  protected override serializeDetails(): Record<string, unknown> {
    return { type_id: this.typeId };
  }
}
