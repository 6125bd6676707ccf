import { asciiDigits } from "@meterkit/core/python";
import type { ArithNode, CompareNode } from "../syntax/ast.js";
import type { ArithmeticOperator, RelationalOperator } from "../values/operators.js";
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
  /** Per operand, how it joins the result so far: {@link FIRST}, then 0 `+`, 1 `-`, 2 `*`, 3 `/`. */
  readonly codes: readonly number[];
}

const CONSTANT = 0;
const VARIABLE = 1;
/** A variable already read by the comparison in front of it (see {@link ternaryPlan}). */
const KNOWN = 2;
/** The code of a chain's first operand: it starts the result. */
const FIRST = 4;

/** The double a literal stands for; `undefined` for `1:.5`-like text, which fails on every evaluation. */
export function literalValue(raw: string): number | undefined {
  const ascii = asciiDigits(raw);
  return ascii === undefined || ascii.includes(":") ? undefined : Number(ascii);
}

/**
 * `a op b op c` of `+ - * /` (left-associative; `^` and anything else ends it) as its operands in evaluation
 * order and the operator in front of each operand after the first. A node that is no such chain is one operand.
 */
export function flattenChain(node: ArithNode): { operands: ArithNode[]; operators: ArithmeticOperator[] } {
  const operands: ArithNode[] = [];
  const operators: ArithmeticOperator[] = [];
  let head = node;
  while (head.type === "BinaryExpression" && head.operator !== "^") {
    operators.push(head.operator);
    operands.push(head.right);
    head = head.left;
  }
  operands.push(head);
  return { operands: operands.reverse(), operators: operators.reverse() };
}

/**
 * The plan of `node`, or `undefined` when an operand is anything but a variable or a valid constant.
 * Operands named `known` read the value passed to {@link runChain} instead of the variables.
 */
export function chainPlan(node: ArithNode, known?: string): ChainPlan | undefined {
  return planOf(flattenChain(node), known);
}

/** {@link chainPlan} of a chain already flattened by {@link flattenChain}. */
export function planOf(
  { operands, operators }: { operands: readonly ArithNode[]; operators: readonly ArithmeticOperator[] },
  known?: string,
): ChainPlan | undefined {
  const codes = [FIRST, ...operators.map((op) => "+-*/".indexOf(op))];
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

/**
 * Runs a plan: operands are read left to right, each before its operator. Variables and constants are
 * always doubles, so no step needs a type check; division by zero gives 0, as every step of the original does.
 * Every call below has one site, which keeps the whole evaluation small enough for V8 to inline in one piece.
 */
export function runChain(plan: ChainPlan, scope: Scope, known: number): number {
  const { kinds, codes, values, names } = plan;
  const n = codes.length; // at least 1: every chain has a first operand
  let acc = 0;
  let i = 0;
  do {
    const kind = kinds[i];
    const b = kind === CONSTANT ? values[i]! : kind === KNOWN ? known : readVariable(scope, names[i]!);
    const code = codes[i];
    // `b - 0` is `b` for every double, -0 and NaN included, but it makes the running value a double from the
    // start, so V8 keeps it unboxed instead of allocating a heap number at every step (measured: half the GCs).
    if (code === FIRST) acc = b - 0;
    else if (code === 2) acc *= b;
    else if (code === 3) acc = b === 0 ? 0 : acc / b;
    else if (code === 0) acc += b;
    else acc -= b;
  } while (++i < n);
  return acc;
}

/**
 * A whole expression that is a chain, or the usual conversion: a ternary that compares a lone variable with a
 * constant and whose branches are chains, such as `(value - offset) * 100 / total if total > 0 else 0`. It is
 * data too: {@link runPlan} runs every one of them, so `ParsedExpression#evaluate` calls the same function
 * whatever the expression, and V8 can inline the whole evaluation into the caller's loop, doubles unboxed from
 * the first variable to the result.
 */
export interface ExpressionPlan {
  /** The ternary's compared variable; `undefined` for a lone chain. */
  readonly test: string | undefined;
  readonly op: RelationalOperator;
  readonly constant: number;
  /** The chain, or the ternary's first branch. */
  readonly yes: ChainPlan;
  /** The ternary's second branch (the chain again for a lone chain). */
  readonly no: ChainPlan;
}

/** The plan of an arithmetic expression, or `undefined` when it is not a chain of variables and constants. */
export function arithmeticPlan(node: ArithNode): ExpressionPlan | undefined {
  const chain = chainPlan(node);
  return chain === undefined ? undefined : { test: undefined, op: "=", constant: 0, yes: chain, no: chain };
}

/**
 * The plan of `yes if variable OP constant else no`, or `undefined` for any other ternary. The branches reuse
 * the variable's value instead of reading it again: variables are still looked up in the original's order, and
 * a missing one fails at the same point.
 */
export function ternaryPlan(test: CompareNode, yes: ArithNode, no: ArithNode): ExpressionPlan | undefined {
  if (test.left.type !== "Identifier") return undefined;
  const variable = test.left.name;
  const constant = test.right.type === "Literal" ? literalValue(test.right.raw) : undefined;
  const consequent = chainPlan(yes, variable);
  const alternate = chainPlan(no, variable);
  if (constant === undefined || consequent === undefined || alternate === undefined) return undefined;
  return { test: variable, op: test.operator, constant, yes: consequent, no: alternate };
}

/** Evaluates a plan; only the chosen branch is evaluated, so the other one's variables are never looked up. */
export function runPlan(plan: ExpressionPlan, scope: Scope): number {
  let known = 0;
  let chain = plan.yes;
  if (plan.test !== undefined) {
    known = readVariable(scope, plan.test);
    if (!relateNumbers(plan.op, known, plan.constant)) chain = plan.no;
  }
  return runChain(chain, scope, known);
}
