import { emit, pick } from "./detail-fields.js";
import {
  type BaseResourceOptions,
  RESOURCE_SPEC,
  Resource,
  type ResourceOptions,
  subclassSpec,
} from "./resource.js";

/** Options of {@link ColoSpace}. @public */
export interface ColoSpaceOptions extends BaseResourceOptions {
  /** Power allocation in W. */
  powerAllocationW?: number | null | undefined;
  typeId?: string | null | undefined;
  coloSpaceLocation?: string | null | undefined;
  customerName?: string | null | undefined;
  customerLabel?: string | null | undefined;
  customerDescription?: string | null | undefined;
  combination?: string | null | undefined;
}

const FIELDS = [
  ["powerAllocationW", "power_allocation_w"],
  ["typeId", "type_id"],
  ["coloSpaceLocation", "colo_space_location"],
  ["customerName", "customer_name"],
  ["customerLabel", "customer_label"],
  ["customerDescription", "customer_description"],
  ["combination", "combination"],
] as const;

/**
 * A colocation space (`type: "colo_space"`). Every detail key is always emitted.
 * @public
 */
export class ColoSpace extends Resource {
  /** @internal */
  static override readonly [RESOURCE_SPEC] = subclassSpec(
    "ColoSpace",
    "colo_space",
    FIELDS.map(([name]) => name),
  );

  /** The detail values, by option name. */
  readonly details: Record<(typeof FIELDS)[number][0], unknown>;

  constructor(options: ColoSpaceOptions) {
    super(options as ResourceOptions);
    this.details = pick(options, FIELDS);
  }

  protected override serializeDetails(): Record<string, unknown> {
    return emit(this.details, FIELDS);
  }
}
