import { ExpressionValueError } from "../errors.js";
import type { ArithNode, BinaryNode, CaseNode, ConditionNode, RootNode } from "../syntax/ast.js";
import { negate } from "../values/operators.js";
import {
  arithmeticPlan,
  type ExpressionPlan,
  flattenChain,
  literalValue,
  planOf,
  runChain,
  runPlan,
  ternaryPlan,
} from "./chain-plans.js";
import { chainLoop, powerLoop } from "./chains.js";
import {
  arithmeticStep,
  comparison,
  type Evaluator,
  evaluator,
  type Operand,
  readVariable,
  type Scope,
} from "./operands.js";

export type { Evaluator, ExpressionPlan, Scope };

/** A compiled expression: a plan when it has one (see {@link ExpressionPlan}), and an evaluator in every case. */
export interface Compiled {
  readonly plan: ExpressionPlan | undefined;
  readonly evaluate: Evaluator;
}

type Test = (scope: Scope) => boolean;

/** Chains longer than this evaluate in a loop instead of nested closures, so no input can exhaust the stack. */
const NESTED_CHAIN_LIMIT = 16;

/** Compiles a parsed tree once into a plan or closures; evaluation never re-reads the tree. */
export function compile(node: RootNode): Compiled {
  const plan =
    node.type === "Ternary" ? ternaryPlan(node.test, node.consequent, node.alternate) : arithmeticPlan(node);
  if (plan !== undefined) return { plan, evaluate: (scope) => runPlan(plan, scope) };
  return { plan: undefined, evaluate: compileTree(node) };
}

function compileTree(node: RootNode): Evaluator {
  if (node.type === "Ternary") {
    const test = compileCondition(node.test);
    const consequent = compileArith(node.consequent);
    const alternate = compileArith(node.alternate);
    // Only the chosen branch is evaluated: the other one's variables are never looked up.
    return (scope) => (test(scope) ? consequent(scope) : alternate(scope));
  }
  return compileArith(node);
}

function operandOf(node: ArithNode): Operand {
  if (node.type === "Identifier") return { kind: "var", name: node.name };
  if (node.type === "Literal") {
    const value = literalValue(node.raw);
    if (value !== undefined) return { kind: "const", value };
  }
  return { kind: "fn", f: compileArith(node) };
}

function compileArith(node: ArithNode): Evaluator {
  switch (node.type) {
    case "Literal": {
      const value = literalValue(node.raw);
      const raw = node.raw;
      // `1:.5` and `1:e5` match the original's number pattern but not Python's float(): a ValueError each time.
      return value !== undefined
        ? () => value
        : () => {
            throw new ExpressionValueError(raw);
          };
    }
    case "Null":
      return () => null;
    case "Identifier": {
      const name = node.name;
      return (scope) => readVariable(scope, name);
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
      return node.operator === "^" ? powerChain(node) : leftChain(node);
  }
}

/** `a op b op c` of `+ - * /` (left-associative): the head, then each (operator, right operand) step. */
function leftChain(root: BinaryNode): Evaluator {
  const chain = flattenChain(root);
  const plan = planOf(chain);
  if (plan !== undefined) return (scope) => runChain(plan, scope, 0);
  const { operands, operators: ops } = chain;
  const head = operandOf(operands[0]!);
  const rights = operands.slice(1).map(operandOf);
  if (ops.length > NESTED_CHAIN_LIMIT) return chainLoop(evaluator(head), ops, rights.map(evaluator));
  let acc = head;
  for (let i = 0; i < ops.length; i++) acc = { kind: "fn", f: arithmeticStep(ops[i]!, acc, rights[i]!) };
  return evaluator(acc);
}

/** `a ^ b ^ c` is `a ^ (b ^ c)`; operands are evaluated left to right first, as the original's recursion does. */
function powerChain(root: BinaryNode): Evaluator {
  const operands: ArithNode[] = [];
  let node: ArithNode = root;
  while (node.type === "BinaryExpression" && node.operator === "^") {
    operands.push(node.left);
    node = node.right;
  }
  operands.push(node);
  if (operands.length === 2) return arithmeticStep("^", operandOf(operands[0]!), operandOf(operands[1]!));
  return powerLoop(operands.map(compileArith));
}

function compileCase(node: CaseNode): Evaluator {
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
    case "Compare":
      return comparison(node.operator, operandOf(node.left), operandOf(node.right));
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
