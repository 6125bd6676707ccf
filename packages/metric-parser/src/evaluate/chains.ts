import { ZERO_DIVISION } from "../values/complex.js";
import { type ArithmeticOperator, applyBinary, type ExpressionValue } from "../values/operators.js";
import type { Evaluator } from "./compile.js";

function step(op: ArithmeticOperator, a: ExpressionValue, b: ExpressionValue): ExpressionValue {
  try {
    return applyBinary(op, a, b);
  } catch (error) {
    // The original catches ZeroDivisionError per step: `1/0+5` is 5.0, `0^-1` is 0.0.
    if (error === ZERO_DIVISION) return 0;
    throw error;
  }
}

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

/**
 * `a ^ b ^ c` is `a ^ (b ^ c)`. Operands are evaluated left to right first, as the original's recursion does,
 * then folded from the right.
 */
export function powerChain(operands: readonly Evaluator[]): Evaluator {
  if (operands.length === 2) {
    const [base, exponent] = operands as [Evaluator, Evaluator];
    return (scope) => {
      const a = base(scope);
      return step("^", a, exponent(scope));
    };
  }
  return (scope) => {
    const values = operands.map((f) => f(scope));
    let acc: ExpressionValue = values[values.length - 1]!;
    for (let i = values.length - 2; i >= 0; i--) acc = step("^", values[i]!, acc);
    return acc;
  };
}
