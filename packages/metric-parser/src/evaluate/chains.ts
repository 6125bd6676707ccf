import type { ArithmeticOperator, ExpressionValue } from "../values/operators.js";
import { type Evaluator, step } from "./operands.js";

/** A long left-associative chain, evaluated in a loop (operands left to right, each before its operator). */
export function chainLoop(
  head: Evaluator,
  ops: readonly ArithmeticOperator[],
  rights: readonly Evaluator[],
): Evaluator {
  return (scope) => {
    let acc = head(scope);
    for (let i = 0; i < ops.length; i++) acc = step(ops[i]!, acc, rights[i]!(scope));
    return acc;
  };
}

/** Three or more `^` operands: evaluate all left to right, then fold from the right. */
export function powerLoop(operands: readonly Evaluator[]): Evaluator {
  return (scope) => {
    const values = operands.map((f) => f(scope));
    let acc: ExpressionValue = values[values.length - 1]!;
    for (let i = values.length - 2; i >= 0; i--) acc = step("^", values[i]!, acc);
    return acc;
  };
}
