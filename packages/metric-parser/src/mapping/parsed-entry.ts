import { VariableLookupError } from "../errors.js";
import type { ParsedExpression, Variables } from "../parsed-expression.js";
import type { ExpressionValue } from "../values/operators.js";

/**
 * The fields of one metric in a mapping file. Values are whatever the YAML holds (strings usually; YAML 1.1
 * may make them booleans, numbers, dates or `null`).
 * @public
 */
export interface ParsedEntryInit {
  name?: unknown;
  unit?: unknown;
  counter?: unknown;
  specialisation?: unknown;
  conversion?: ParsedExpression | undefined;
}

/**
 * One metric of a mapping: its metadata and optional conversion (the original's `ParsedEntry`).
 * @public
 */
export class ParsedEntry {
  /** The compiled `conversion_expr`, or `undefined` when there is none or it did not parse. */
  readonly conversion: ParsedExpression | undefined;
  readonly #name: unknown;
  readonly #unit: unknown;
  readonly #counter: unknown;
  readonly #specialisation: unknown;

  constructor(init: ParsedEntryInit = {}) {
    this.#name = "name" in init ? init.name : "";
    this.#unit = "unit" in init ? init.unit : "";
    this.#counter = "counter" in init ? init.counter : false;
    this.#specialisation = "specialisation" in init ? init.specialisation : "";
    this.conversion = init.conversion;
  }

  /** The metric's name (default `""`). */
  name(): unknown {
    return this.#name;
  }

  /** The metric's unit (default `""`). */
  unit(): unknown {
    return this.#unit;
  }

  /** Whether the metric is a counter (default `false`; YAML 1.1 reads `yes`/`on` as `true`). */
  counter(): unknown {
    return this.#counter;
  }

  /** The metric's specialisation (default `""`). */
  specialisation(): unknown {
    return this.#specialisation;
  }

  /**
   * Converts a raw value. With a conversion, evaluates it with `variables` (the raw value is `value`) and
   * returns a double, `null` or a complex. Without one, returns `variables.value` unchanged: no coercion,
   * so `"10"` stays a string.
   *
   * @example
   * ```ts
   * mapping.get("metric1")?.value({ value: 10 }); // 100 for `conversion_expr: value * 10`
   * ```
   * @throws VariableLookupError when a variable (or, without a conversion, `value`) is missing.
   */
  value(variables: Variables = {}): ExpressionValue | unknown {
    if (this.conversion !== undefined) return this.conversion.evaluate(variables);
    if (variables instanceof Map) {
      if (!variables.has("value")) throw new VariableLookupError("value");
      return variables.get("value");
    }
    if (!Object.hasOwn(variables, "value")) throw new VariableLookupError("value");
    return (variables as Readonly<Record<string, unknown>>).value;
  }

  /** Same as {@link ParsedEntry.value}. */
  convert(variables: Variables = {}): ExpressionValue | unknown {
    return this.value(variables);
  }
}
