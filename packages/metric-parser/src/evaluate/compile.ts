import { ExpressionValueError, VariableLookupError } from "../errors.js";
import type { ArithNode, BinaryNode, ConditionNode, RootNode } from "../syntax/ast.js";
import { ZERO_DIVISION } from "../values/complex.js";
import {
  type ArithmeticOperator,
  applyBinary,
  compare,
  type ExpressionValue,
  negate,
} from "../values/operators.js";
import { toFloat } from "../values/to-float.js";
import { asciiDigits } from "../values/unicode-digits.js";
import { chainLoop, powerChain } from "./chains.js";

/** Variables as the compiled closures see them: a plain object, read through own properties only. */
export type Scope = Readonly<Record<string, unknown>>;
export type Evaluator = (scope: Scope) => ExpressionValue;
type Test = (scope: Scope) => boolean;

const hasOwn = Object.prototype.hasOwnProperty;
/** Chains longer than this evaluate in a loop instead of nested closures, so no input can exhaust the stack. */
const NESTED_CHAIN_LIMIT = 16;

/** Compiles a parsed tree once into closures; evaluation never re-reads the tree. */
export function compile(node: RootNode): Evaluator {
  if (node.type === "Ternary") {
    const test = compileCondition(node.test);
    const consequent = compileArith(node.consequent);
    const alternate = compileArith(node.alternate);
    // Only the chosen branch is evaluated: the other one's variables are never looked up.
    return (scope) => (test(scope) ? consequent(scope) : alternate(scope));
  }
  return compileArith(node);
}

function compileArith(node: ArithNode): Evaluator {
  switch (node.type) {
    case "Literal":
      return literal(node.raw);
    case "Null":
      return () => null;
    case "Identifier": {
      const name = node.name;
      return (scope) => {
        if (!hasOwn.call(scope, name)) throw new VariableLookupError(name);
        const value = scope[name];
        return typeof value === "number" ? value : toFloat(value);
      };
    }
    case "Unary": {
      const argument = compileArith(node.argument);
      const negations = [...node.operators].filter((op) => op === "-").length;
      if (negations === 0) return argument; // unary + returns its operand untouched, even None
      return (scope) => {
        let value = argument(scope);
        for (let i = 0; i < negations; i++) value = negate(value);
        return value;
      };
    }
    case "Case":
      return compileCase(node);
    default:
      return node.operator === "^" ? powerChain(rightSpine(node).map(compileArith)) : leftChain(node);
  }
}

function literal(raw: string): Evaluator {
  const ascii = asciiDigits(raw);
  // `1:.5` and `1:e5` match the original's number pattern but not Python's float(): a ValueError each time.
  if (ascii === undefined || ascii.includes(":")) {
    return () => {
      throw new ExpressionValueError(raw);
    };
  }
  const value = Number(ascii);
  return () => value;
}

/** `a op b op c` of `+ - * /` (left-associative): the head and each (operator, right operand) step. */
function leftChain(root: BinaryNode): Evaluator {
  const steps: { op: ArithmeticOperator; right: ArithNode }[] = [];
  let node: ArithNode = root;
  while (node.type === "BinaryExpression" && node.operator !== "^") {
    steps.push({ op: node.operator, right: node.right });
    node = node.left;
  }
  steps.reverse();
  const head = compileArith(node);
  const ops = steps.map((s) => s.op);
  const rights = steps.map((s) => compileArith(s.right));
  if (steps.length > NESTED_CHAIN_LIMIT) return chainLoop(head, ops, rights);
  let acc = head;
  for (let i = 0; i < ops.length; i++) acc = binary(ops[i]!, acc, rights[i]!);
  return acc;
}

function rightSpine(root: BinaryNode): ArithNode[] {
  const operands: ArithNode[] = [];
  let node: ArithNode = root;
  while (node.type === "BinaryExpression" && node.operator === "^") {
    operands.push(node.left);
    node = node.right;
  }
  operands.push(node);
  return operands;
}

/** One step with a fast path for two doubles; a ZeroDivisionError makes the step's result 0.0. */
function binary(op: ArithmeticOperator, left: Evaluator, right: Evaluator): Evaluator {
  const slow = (a: ExpressionValue, b: ExpressionValue): ExpressionValue => {
    try {
      return applyBinary(op, a, b);
    } catch (error) {
      if (error === ZERO_DIVISION) return 0;
      throw error;
    }
  };
  switch (op) {
    case "+":
      return (s) => {
        const a = left(s);
        const b = right(s);
        return typeof a === "number" && typeof b === "number" ? a + b : slow(a, b);
      };
    case "-":
      return (s) => {
        const a = left(s);
        const b = right(s);
        return typeof a === "number" && typeof b === "number" ? a - b : slow(a, b);
      };
    case "*":
      return (s) => {
        const a = left(s);
        const b = right(s);
        return typeof a === "number" && typeof b === "number" ? a * b : slow(a, b);
      };
    default:
      return (s) => {
        const a = left(s);
        const b = right(s);
        return typeof a === "number" && typeof b === "number" ? (b === 0 ? 0 : a / b) : slow(a, b);
      };
  }
}

function compileCase(node: Extract<ArithNode, { type: "Case" }>): Evaluator {
  const tests = node.branches.map((b) => compileCondition(b.when));
  const values = node.branches.map((b) => compileArith(b.result));
  const otherwise = node.otherwise === undefined ? undefined : compileArith(node.otherwise);
  return (scope) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(scope)) return values[i]!(scope);
    return otherwise === undefined ? null : otherwise(scope);
  };
}

function compileCondition(node: ConditionNode): Test {
  switch (node.type) {
    case "Compare": {
      const { operator } = node;
      const left = compileArith(node.left);
      const right = compileArith(node.right);
      return (scope) => compare(operator, left(scope), right(scope));
    }
    case "Not": {
      const argument = compileCondition(node.argument);
      return (scope) => !argument(scope);
    }
    case "And": {
      const operands = node.operands.map(compileCondition);
      return (scope) => operands.every((t) => t(scope));
    }
    default: {
      const operands = node.operands.map(compileCondition);
      return (scope) => operands.some((t) => t(scope));
    }
  }
}
