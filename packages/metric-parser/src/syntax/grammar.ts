import type { ArithNode, CaseNode, CompareNode, ConditionNode, TernaryNode } from "./ast.js";
import { matchKeyword, matchLiteral, matchRelational, skipSpaces } from "./lexer.js";
import { arith } from "./operand.js";
import { BACKTRACK, fail, memoized, nested, note, type ParseState, Rule } from "./state.js";

const RELATIONAL = ["'>='", "'<='", "'!='", "'>'", "'<'", "'='"];

/** Matches a keyword after optional spaces and moves the cursor past it, or fails expecting it. */
export function keyword(state: ParseState, word: string, alsoExpected: readonly string[] = []): void {
  const at = skipSpaces(state.text, state.scope.index);
  const end = matchKeyword(state.text, at, word);
  if (end < 0) fail(state, at, [...alsoExpected, word]);
  state.scope.index = end;
}

function optionalKeyword(state: ParseState, word: string): boolean {
  const at = skipSpaces(state.text, state.scope.index);
  const end = matchKeyword(state.text, at, word);
  if (end >= 0) state.scope.index = end;
  return end >= 0;
}

/** `condition := arith RELOP arith`, exactly one comparison; `==` only in ternaries. */
export function condition(state: ParseState, allowDoubleEquals: boolean): CompareNode {
  const left = arith(state);
  const at = skipSpaces(state.text, state.scope.index);
  const operator = matchRelational(state.text, at, allowDoubleEquals) as CompareNode["operator"] | undefined;
  if (operator === undefined) fail(state, at, allowDoubleEquals ? [...RELATIONAL, "'=='"] : RELATIONAL);
  state.scope.index = at + operator.length;
  return { type: "Compare", operator, left, right: arith(state) };
}

/** `ternary := arith IF condition ELSE arith` (Python's `a if c else b`; no nesting, no and/or/not). */
export function ternary(state: ParseState): TernaryNode {
  const consequent = arith(state);
  keyword(state, "IF");
  return ternaryTail(state, consequent);
}

/**
 * `ternary | arith` (SimpleExpressionParser). Both alternatives start with the same `arith`, so it is parsed
 * once; what follows decides. Same result as trying the ternary first, without parsing twice.
 */
export function ternaryOrArithmetic(state: ParseState): TernaryNode | ArithNode {
  const consequent = arith(state);
  const at = skipSpaces(state.text, state.scope.index);
  const end = matchKeyword(state.text, at, "IF");
  if (end < 0) {
    note(state, at, ["IF"]);
    return consequent;
  }
  state.scope.index = end;
  return ternaryTail(state, consequent);
}

function ternaryTail(state: ParseState, consequent: ArithNode): TernaryNode {
  const test = condition(state, true);
  keyword(state, "ELSE");
  return { type: "Ternary", test, consequent, alternate: arith(state) };
}

/** `case := CASE (WHEN when THEN arith)+ [ELSE arith] END`. */
export function caseExpression(state: ParseState): CaseNode {
  return nested(state, () => {
    keyword(state, "CASE");
    const branches: { when: ConditionNode; result: ArithNode }[] = [];
    do {
      keyword(state, "WHEN", branches.length > 0 ? ["ELSE", "END"] : []);
      const when = logical(state, "OR");
      keyword(state, "THEN", ["an operator", "AND", "OR"]);
      branches.push({ when, result: arith(state) });
    } while (nextIsKeyword(state, "WHEN"));
    const otherwise = optionalKeyword(state, "ELSE") ? arith(state) : undefined;
    keyword(state, "END", otherwise === undefined ? ["WHEN", "ELSE"] : []);
    return { type: "Case", branches, otherwise };
  });
}

function nextIsKeyword(state: ParseState, word: string): boolean {
  return matchKeyword(state.text, skipSpaces(state.text, state.scope.index), word) >= 0;
}

/** `when := and_expr (OR and_expr)*` and `and_expr := not_expr (AND not_expr)*`; no word boundaries. */
function logical(state: ParseState, word: "OR" | "AND"): ConditionNode {
  const next = word === "OR" ? (s: ParseState) => logical(s, "AND") : notExpression;
  const operands = [next(state)];
  for (;;) {
    const at = skipSpaces(state.text, state.scope.index);
    const end = matchLiteral(state.text, at, word);
    if (end < 0) break;
    state.scope.index = end;
    operands.push(next(state));
  }
  return operands.length === 1 ? operands[0]! : { type: word === "OR" ? "Or" : "And", operands };
}

/**
 * `not_expr := NOT not_expr | condition | "(" when ")"`, tried in that order with backtracking, as pyparsing's
 * MatchFirst does: `notes > 0` is `NOT (es > 0)`, but `not > 0` compares the variable `not`.
 */
function notExpression(state: ParseState): ConditionNode {
  state.scope.index = skipSpaces(state.text, state.scope.index);
  return memoized(state, Rule.Not, () => notAlternatives(state));
}

function notAlternatives(state: ParseState): ConditionNode {
  const { text, scope } = state;
  const at = scope.index;
  const afterNot = matchLiteral(text, at, "NOT");
  if (afterNot >= 0) {
    const negated = attempt(state, at, () =>
      nested(state, () => {
        scope.index = afterNot;
        return { type: "Not", argument: notExpression(state) } as const;
      }),
    );
    if (negated !== undefined) return negated;
  }
  const compared = attempt(state, at, () => condition(state, false));
  if (compared !== undefined) return compared;
  if (text.charCodeAt(at) !== 40) fail(state, at, ["NOT", "'('"]);
  return nested(state, () => {
    scope.index = at + 1;
    const inner = logical(state, "OR");
    const close = skipSpaces(text, scope.index);
    if (text.charCodeAt(close) !== 41) fail(state, close, ["')'", "AND", "OR"]);
    scope.index = close + 1;
    return inner;
  });
}

/** Runs one alternative; on backtrack, rewinds the cursor to `at` and returns undefined. */
function attempt<T>(state: ParseState, at: number, body: () => T): T | undefined {
  try {
    return body();
  } catch (error) {
    if (error !== BACKTRACK) throw error;
    state.scope.index = at;
    return undefined;
  }
}
