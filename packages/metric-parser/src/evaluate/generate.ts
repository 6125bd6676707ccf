import { VariableLookupError } from "../errors.js";
import type { ArithNode, CaseNode, ConditionNode, RootNode } from "../syntax/ast.js";
import type { ExpressionValue } from "../values/operators.js";
import { toFloat } from "../values/to-float.js";
import { literalValue } from "./chain-plans.js";
import type { Scope } from "./operands.js";

/**
 * An expression as one JavaScript function, generated from its tree: straight-line code that V8 optimises
 * in a few thousand evaluations, where the closures and plans of `compile.ts` need the caller's loop to be
 * inlined first (so a fresh process, a connector's one run, gets their slow start). Only the part of the
 * grammar whose values are always doubles is generated, which is where the original's semantics are plain
 * JavaScript arithmetic:
 *
 * - variables (read as `readVariable` reads them, in the closures' order: left to right, only the chosen
 *   branch), valid numeric literals, `+ - * /` (a division by zero gives 0, as each step of the original does),
 *   unary signs;
 * - comparisons of such operands, `AND`, `OR` (short-circuit, left to right), `NOT`;
 * - a ternary or a top-level CASE of those, whose results may also be `NULL`.
 *
 * `^` (which may give a complex number), `NULL` inside arithmetic, nested CASEs and literals that fail on
 * every evaluation (`1:.5`) are not generated: {@link generate} returns `undefined` and the closures stay.
 * A variable read on every path to a later occurrence is not read again there: its value is reused. The
 * original reads a dict, where a second read gives the same value, and the own-property check of each read is
 * most of what an evaluation costs (bench.py's CASE names `total` three times, and is read once). So a getter
 * on the scope may be called fewer times here than by the closures, which read at each occurrence (but once,
 * for the compared variable of a planned ternary). A variable's name is written into the source as a JSON
 * string literal (each read then has its own inline cache, the one thing that makes it as fast as
 * `scope.name`), which no name can escape; constants are passed in an array, so no number is ever printed and
 * read back.
 */
export type Generated = (scope: Scope) => ExpressionValue;

class Unsupported extends Error {}

function missing(name: string): never {
  throw new VariableLookupError(name);
}

interface Emitter {
  /** Statements so far. */
  readonly lines: string[];
  /** Numeric constants, referenced as `k[i]`. */
  readonly constants: number[];
  /** Variables already read on every path to the current statement, and the temporaries holding them. */
  known: Map<string, string>;
  next: number;
}

/** Opens a block (`if (…) {`): what is read inside it is known only inside it. */
function open(e: Emitter, head: string): Map<string, string> {
  const outer = e.known;
  e.lines.push(`${head} {`);
  e.known = new Map(outer);
  return outer;
}

function close(e: Emitter, outer: Map<string, string>): void {
  e.lines.push("}");
  e.known = outer;
}

function temp(e: Emitter, expression: string): string {
  const name = `t${e.next++}`;
  e.lines.push(`const ${name} = ${expression};`);
  return name;
}

function constant(e: Emitter, value: number): string {
  let i = e.constants.findIndex((c) => Object.is(c, value));
  if (i === -1) i = e.constants.push(value) - 1;
  return `k[${i}]`;
}

/** `readVariable(s, name)` inlined: own properties only, a double as is, anything else through toFloat. */
function read(e: Emitter, target: string, name: string): void {
  const key = JSON.stringify(name);
  // hasOwnProperty.call, not Object.hasOwn (same answer, same Proxy trap): in a fresh process the generated
  // function runs mostly before TurboFan has it, and there this measured 23–30M CASE evaluations/s against
  // 19–34M (bench/peer-workloads.mjs, eight processes each).
  e.lines.push(`if (!hasOwnProperty.call(s, ${key})) missing(${key});`);
  e.lines.push(`let ${target} = s[${key}];`);
  e.lines.push(`if (typeof ${target} !== "number") ${target} = toFloat(${target});`);
}

function variable(e: Emitter, name: string): string {
  const known = e.known.get(name);
  if (known !== undefined) return known;
  const target = `t${e.next++}`;
  read(e, target, name);
  e.known.set(name, target);
  return target;
}

/** A double-valued operand: emits the statements that compute it, returns the JS expression of its value. */
function number(e: Emitter, node: ArithNode): string {
  switch (node.type) {
    case "Literal": {
      const value = literalValue(node.raw);
      if (value === undefined) throw new Unsupported();
      return constant(e, value);
    }
    case "Identifier":
      return variable(e, node.name);
    case "Unary": {
      const argument = number(e, node.argument);
      let negations = 0;
      for (const op of node.operators) if (op === "-") negations++;
      // negate() twice is the identity on every double, -0 and NaN included.
      return negations % 2 === 0 ? argument : temp(e, `-${argument}`);
    }
    case "BinaryExpression": {
      if (node.operator === "^") throw new Unsupported();
      const a = number(e, node.left);
      const b = number(e, node.right);
      if (node.operator === "/") return temp(e, `${b} === 0 ? 0 : ${a} / ${b}`);
      return temp(e, `${a} ${node.operator} ${b}`);
    }
    default:
      throw new Unsupported(); // NULL or CASE inside arithmetic
  }
}

const RELATION = {
  ">": ">",
  "<": "<",
  ">=": ">=",
  "<=": "<=",
  "!=": "!==",
  "=": "===",
  "==": "===",
} as const;

/** A condition: emits its statements and returns the name of a boolean. Short-circuits as the closures do. */
function condition(e: Emitter, node: ConditionNode): string {
  switch (node.type) {
    case "Compare": {
      const a = number(e, node.left);
      const b = number(e, node.right);
      return temp(e, `${a} ${RELATION[node.operator]} ${b}`);
    }
    case "Not":
      return temp(e, `!${condition(e, node.argument)}`);
    default: {
      const result = `t${e.next++}`;
      const [first, ...rest] = node.operands;
      if (first === undefined) throw new Unsupported();
      e.lines.push(`let ${result} = ${condition(e, first)};`);
      const guard = node.type === "And" ? result : `!${result}`;
      const outers: Map<string, string>[] = [];
      for (const operand of rest) {
        outers.push(open(e, `if (${guard})`));
        e.lines.push(`${result} = ${condition(e, operand)};`);
      }
      for (let i = outers.length - 1; i >= 0; i--) close(e, outers[i]!);
      return result;
    }
  }
}

/** A result position (a branch, a THEN, the ELSE, the whole expression): `NULL` allowed. Emits a return. */
function result(e: Emitter, node: ArithNode): void {
  if (node.type === "Null") e.lines.push("return null;");
  else e.lines.push(`return ${number(e, node)};`);
}

/** `if (test) { return … }`: the branch's reads are known only inside it. */
function branch(e: Emitter, test: string, node: ArithNode): void {
  const outer = open(e, `if (${test})`);
  result(e, node);
  close(e, outer);
}

function caseOf(e: Emitter, node: CaseNode): void {
  for (const { when, result: then } of node.branches) branch(e, condition(e, when), then);
  if (node.otherwise === undefined) e.lines.push("return null;");
  else result(e, node.otherwise);
}

function body(e: Emitter, node: RootNode): void {
  if (node.type === "Ternary") {
    branch(e, condition(e, node.test), node.consequent);
    result(e, node.alternate);
    return;
  }
  if (node.type === "Case") caseOf(e, node);
  else result(e, node);
}

/**
 * The generated function of `node`, or `undefined` when part of it is outside the generated grammar or the
 * runtime refuses code generation (`--disallow-code-generation-from-strings`, a CSP).
 */
export function generate(node: RootNode): Generated | undefined {
  const e: Emitter = { lines: [], constants: [], known: new Map(), next: 0 };
  try {
    body(e, node);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  try {
    const source = `"use strict";\nreturn (s) => {\n${e.lines.join("\n")}\n};`;
    const factory = new Function("hasOwnProperty", "missing", "toFloat", "k", source);
    return factory(Object.prototype.hasOwnProperty, missing, toFloat, e.constants) as Generated;
  } catch {
    return undefined;
  }
}
