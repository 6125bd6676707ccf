import type { ArithNode } from "./ast.js";
import { IDENTIFIER, matchKeyword, NUMBER, skipSpaces } from "./lexer.js";
import { BACKTRACK, fail, memoized, nested, note, type ParseState, Rule } from "./state.js";

/** Set by the grammar while a parse runs, so jsep's token hook can reach it. */
export const current: {
  state: ParseState | undefined;
  parseCase: ((state: ParseState) => ArithNode) | undefined;
} = {
  state: undefined,
  parseCase: undefined,
};

const OPERAND = ["a number", "a variable", "'('", "'+'", "'-'"];
const OPERAND_OR_CASE = [...OPERAND, "CASE"];

/**
 * jsep `gobble-token` hook: `unary := ("+" | "-") unary | primary`. Signs are read in a loop (they bind tighter
 * than `^`, so `-2^2` is `(-2)^2`), then `primary := [CASE] | NUMBER | IDENT | "(" arith ")"`.
 */
export function gobbleOperand(this: { index: number }, env: { node?: unknown }): void {
  const state = current.state!;
  const text = state.text;
  let i = this.index;
  let operators = "";
  for (;;) {
    i = skipSpaces(text, i);
    const c = text.charCodeAt(i);
    if (c !== 43 && c !== 45) break;
    operators += text.charAt(i);
    i++;
  }
  this.index = i;
  const primary = readPrimary(state, i);
  env.node = operators === "" ? primary : { type: "Unary", operators, argument: primary };
}

function readPrimary(state: ParseState, i: number): ArithNode {
  const { text, scope } = state;
  if (state.caseOperands && matchKeyword(text, i, "CASE") >= 0) {
    try {
      return current.parseCase!(state);
    } catch (error) {
      if (error !== BACKTRACK) throw error;
      scope.index = i; // not a CASE after all: `case` is then an ordinary variable
    }
  }
  NUMBER.lastIndex = i;
  const number = NUMBER.exec(text);
  if (number !== null) {
    scope.index = i + number[0].length;
    return { type: "Literal", raw: number[0] };
  }
  IDENTIFIER.lastIndex = i;
  const identifier = IDENTIFIER.exec(text);
  if (identifier !== null) {
    scope.index = i + identifier[0].length;
    return identifier[0] === "NULL" ? { type: "Null" } : { type: "Identifier", name: identifier[0] };
  }
  if (text.charCodeAt(i) === 40) {
    return nested(state, () => {
      scope.index = i + 1;
      const inner = arith(state);
      const close = skipSpaces(text, scope.index);
      if (text.charCodeAt(close) !== 41) fail(state, close, ["')'"]);
      scope.index = close + 1;
      return inner;
    });
  }
  return fail(state, i, state.caseOperands ? OPERAND_OR_CASE : OPERAND);
}

/** `arith`: jsep's precedence climbing over `+ - * / ^`, with operands from {@link gobbleOperand}. */
export function arith(state: ParseState): ArithNode {
  state.scope.index = skipSpaces(state.text, state.scope.index);
  return memoized(state, Rule.Arith, () => {
    const node = state.scope.gobbleBinaryExpression() as ArithNode;
    note(state, skipSpaces(state.text, state.scope.index), ["an operator"]);
    return node;
  });
}
