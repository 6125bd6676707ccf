import { runPlan } from "./evaluate/chain-plans.js";
import { compile, type Evaluator, type ExpressionPlan, type Scope } from "./evaluate/compile.js";
import type { RootNode } from "./syntax/ast.js";
import type { ExpressionValue } from "./values/operators.js";

/**
 * Variables for {@link ParsedExpression.evaluate}: a plain object or a Map. Values may be numbers, bigints
 * (Python ints), booleans, numeric strings (Python `float()` rules) or `null`. Only own properties are read.
 * @public
 */
export type Variables = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>;

/**
 * A parsed expression, compiled once into closures; evaluate it as often as needed.
 * @public
 */
export class ParsedExpression {
  /** The text that was parsed. */
  readonly source: string;
  readonly #plan: ExpressionPlan | undefined;
  readonly #evaluate: Evaluator;

  /** @internal Use a parser's `parse()`. */
  constructor(source: string, tree: RootNode) {
    this.source = source;
    const compiled = compile(tree);
    this.#plan = compiled.plan;
    this.#evaluate = compiled.evaluate;
  }

  /**
   * Evaluates with the given variables, following the original's semantics: every number is a double,
   * division by zero gives 0, `NULL` is `null`, and a missing variable throws {@link VariableLookupError}.
   *
   * @example
   * ```ts
   * new SimpleExpressionParser().parse("value * 8 if value > 0 else 0").evaluate({ value: 3 }); // 24
   * ```
   * @throws VariableLookupError, ExpressionTypeError, ExpressionValueError, ExpressionOverflowError
   */
  evaluate(variables: Variables = {}): ExpressionValue {
    const scope: Scope = variables instanceof Map ? Object.fromEntries(variables) : (variables as Scope);
    // A plan runs through one function for every expression, which the caller's loop can inline.
    const plan = this.#plan;
    return plan !== undefined ? runPlan(plan, scope) : this.#evaluate(scope);
  }
}
