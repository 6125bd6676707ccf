import type { ArithNode, CompareNode } from "../syntax/ast.js";
import type { RelationalOperator } from "../values/operators.js";
import { asciiDigits } from "../values/unicode-digits.js";
import { readVariable, relateNumbers, type Scope } from "./operands.js";

/**
 * A chain of `+ - * /` whose operands are all variables or constants, such as `(value - offset) * 100 / total`
 * (parentheses on the left do not break a chain; a lone variable or constant is a chain of one operand).
 *
 * Plans are data, not closures, and one function, {@link runChain}, runs them all. That is what makes them
 * fast: a call site that always calls the same function gets it inlined, while closures made per expression
 * are different targets at every call site once a service has compiled a few of them, so each call stays a
 * real call and each intermediate double is boxed on the heap.
 */
export interface ChainPlan {
  /** Per operand: {@link CONSTANT}, {@link VARIABLE} or {@link KNOWN}. */
  readonly kinds: readonly number[];
  /** Per operand: the variable name, or `""` for constants. */
  readonly names: readonly string[];
  /** Per operand: the constant, or 0 for variables. */
  readonly values: readonly number[];
  /** Per step: 0 `+`, 1 `-`, 2 `*`, 3 `/`. */
  readonly codes: readonly number[];
}

const CONSTANT = 0;
const VARIABLE = 1;
/** A variable already read by the comparison in front of it (see {@link compareThenChains}). */
const KNOWN = 2;

/** The double a literal stands for; `undefined` for `1:.5`-like text, which fails on every evaluation. */
export function literalValue(raw: string): number | undefined {
  const ascii = asciiDigits(raw);
  return ascii === undefined || ascii.includes(":") ? undefined : Number(ascii);
}

/**
 * The plan of `node`, or `undefined` when an operand is anything but a variable or a valid constant.
 * Operands named `known` read the value passed to {@link runChain} instead of the variables.
 */
export function chainPlan(node: ArithNode, known?: string): ChainPlan | undefined {
  const codes: number[] = [];
  const operands: ArithNode[] = [];
  let head = node;
  while (head.type === "BinaryExpression" && head.operator !== "^") {
    codes.push("+-*/".indexOf(head.operator));
    operands.push(head.right);
    head = head.left;
  }
  operands.push(head);
  operands.reverse();
  codes.reverse();
  const kinds: number[] = [];
  const names: string[] = [];
  const values: number[] = [];
  for (const operand of operands) {
    if (operand.type === "Identifier") {
      kinds.push(operand.name === known ? KNOWN : VARIABLE);
      names.push(operand.name);
      values.push(0);
    } else {
      const value = operand.type === "Literal" ? literalValue(operand.raw) : undefined;
      if (value === undefined) return undefined;
      kinds.push(CONSTANT);
      names.push("");
      values.push(value);
    }
  }
  return { kinds, names, values, codes };
}

function operandValue(plan: ChainPlan, i: number, scope: Scope, known: number): number {
  const kind = plan.kinds[i];
  if (kind === CONSTANT) return plan.values[i]!;
  return kind === KNOWN ? known : readVariable(scope, plan.names[i]!);
}

/**
 * Runs a plan: operands are read left to right, each before its operator. Variables and constants are
 * always doubles, so no step needs a type check; division by zero gives 0, as every step of the original does.
 */
export function runChain(plan: ChainPlan, scope: Scope, known: number): number {
  let acc = operandValue(plan, 0, scope, known);
  const codes = plan.codes;
  for (let i = 0; i < codes.length; i++) {
    const b = operandValue(plan, i + 1, scope, known);
    const code = codes[i];
    if (code === 2) acc *= b;
    else if (code === 3) acc = b === 0 ? 0 : acc / b;
    else if (code === 0) acc += b;
    else acc -= b;
  }
  return acc;
}

/**
 * `yes if a OP b else no` (a ternary conversion, the common case of metric mappings) when all four parts are
 * chains: one closure, no boxing in between. When the left side of the comparison is a lone variable, as in
 * `(value - offset) * 100 / total if total > 0 else 0`, the branches reuse its value instead of reading it
 * again; variables are looked up in the same order, and a missing one fails at the same point.
 * Returns `undefined` when a part is not a chain.
 */
export function compareThenChains(
  test: CompareNode,
  yes: ArithNode,
  no: ArithNode,
): ((scope: Scope) => number) | undefined {
  const left = chainPlan(test.left);
  const known = left?.codes.length === 0 && left.kinds[0] === VARIABLE ? left.names[0] : undefined;
  const right = chainPlan(test.right, known);
  const consequent = chainPlan(yes, known);
  const alternate = chainPlan(no, known);
  if (!left || !right || !consequent || !alternate) return undefined;
  const op: RelationalOperator = test.operator;
  return (scope) => {
    const a = runChain(left, scope, 0);
    return relateNumbers(op, a, runChain(right, scope, a))
      ? runChain(consequent, scope, a)
      : runChain(alternate, scope, a);
  };
}
