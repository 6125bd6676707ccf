import { runPlan } from "./evaluate/chain-plans.js";
import { compile, type Evaluator, type ExpressionPlan, type Scope } from "./evaluate/compile.js";
import { type Generated, generate } from "./evaluate/generate.js";
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
  /** The tree, until the second evaluation generates a function from it (see evaluate/generate.ts). */
  #tree: RootNode | undefined;
  /** The generated function; `null` when the expression is outside the generated grammar. */
  #generated: Generated | null = null;
  #used = false;

  /** @internal Use a parser's `parse()`. */
  constructor(source: string, tree: RootNode) {
    this.source = source;
    const compiled = compile(tree);
    this.#plan = compiled.plan;
    this.#evaluate = compiled.evaluate;
    this.#tree = tree;
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
    const generated = this.#generated;
    if (generated !== null) return generated(scope);
    if (this.#tree !== undefined) this.#noteUse();
    // A plan runs through one function for every expression, which the caller's loop can inline.
    const plan = this.#plan;
    return plan !== undefined ? runPlan(plan, scope) : this.#evaluate(scope);
  }

  /**
   * The first two evaluations run the closures, the second generates the function every later one runs (an
   * expression evaluated once, e.g. while a mapping is checked, never pays for the code generation).
   */
  #noteUse(): void {
    if (this.#used) {
      this.#generated = generate(this.#tree as RootNode) ?? null;
      this.#tree = undefined;
    }
    this.#used = true;
  }
}
