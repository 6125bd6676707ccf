import {
  type BaseResourceOptions,
  RESOURCE_SPEC,
  Resource,
  type ResourceOptions,
  subclassSpec,
} from "./resource.js";

/** Options of {@link Network}: only the common ones. @public */
export type NetworkOptions = BaseResourceOptions;

/**
 * A network (`type: "network"`); its details are `{}`.
 * @public
 */
export class Network extends Resource {
  /** @internal */
  static override readonly [RESOURCE_SPEC] = subclassSpec("Network", "network", []);

  constructor(options: NetworkOptions) {
    super(options as ResourceOptions);
  }

  protected override serializeDetails(): Record<string, unknown> {
    return {};
  }
}
