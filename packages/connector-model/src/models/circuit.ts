import { emit, pick } from "./detail-fields.js";
import {
  type BaseResourceOptions,
  RESOURCE_SPEC,
  Resource,
  type ResourceOptions,
  subclassSpec,
} from "./resource.js";

/** Options of {@link Circuit}. @public */
export interface CircuitOptions extends BaseResourceOptions {
  typeId?: string | null | undefined;
  carrier?: string | null | undefined;
  /** Circuit reference. */
  reference?: string | null | undefined;
  /** One endpoint of the circuit. */
  endpointA?: string | null | undefined;
  /** The other endpoint. */
  endpointB?: string | null | undefined;
}

const FIELDS = [
  ["typeId", "type_id"],
  ["carrier", "carrier"],
  ["reference", "reference"],
  ["endpointA", "endpoint_a"],
  ["endpointB", "endpoint_b"],
] as const;

/**
 * A circuit (`type: "circuit"`). Every detail key is always emitted.
 * @public
 */
export class Circuit extends Resource {
  /** @internal */
  static override readonly [RESOURCE_SPEC] = subclassSpec(
    "Circuit",
    "circuit",
    FIELDS.map(([name]) => name),
  );

  /** The detail values, by option name. */
  readonly details: Record<(typeof FIELDS)[number][0], unknown>;

  constructor(options: CircuitOptions) {
    super(options as ResourceOptions);
    this.details = pick(options, FIELDS);
  }

  protected override serializeDetails(): Record<string, unknown> {
    return emit(this.details, FIELDS);
  }
}
