import type { ArithmeticOperator, ExpressionValue } from "../values/operators.js";
import { type Evaluator, type Operand, readVariable, step } from "./operands.js";

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

/**
 * A chain of `+ - * /` whose operands are all variables or constants, such as `(value - offset) * 100 / total`
 * (parentheses on the left do not break a chain). Such operands are always doubles, so the whole chain runs in
 * one closure with no type checks. Division by zero gives 0, as every step of the original does.
 */
export function simpleChain(
  head: Exclude<Operand, { kind: "fn" }>,
  ops: readonly ArithmeticOperator[],
  rights: readonly Exclude<Operand, { kind: "fn" }>[],
): Evaluator {
  const names = [head, ...rights].map((o) => (o.kind === "var" ? o.name : undefined));
  const values = [head, ...rights].map((o) => (o.kind === "const" ? o.value : 0));
  const codes = ops.map((op) => "+-*/".indexOf(op));
  return (scope) => {
    const first = names[0];
    let acc = first === undefined ? values[0]! : readVariable(scope, first);
    for (let i = 0; i < codes.length; i++) {
      const name = names[i + 1];
      const b = name === undefined ? values[i + 1]! : readVariable(scope, name);
      const code = codes[i];
      if (code === 0) acc += b;
      else if (code === 1) acc -= b;
      else if (code === 2) acc *= b;
      else acc = b === 0 ? 0 : acc / b;
    }
    return acc;
  };
}
