import { ExpressionSyntaxError, ExpressionTypeError } from "../errors.js";
import { typeName } from "../values/type-name.js";
import type { RootNode } from "./ast.js";
import { caseExpression, ternary, ternaryOrArithmetic } from "./grammar.js";
import { createJsepRunner, type JsepScope } from "./jsep-engine.js";
import { skipSpaces } from "./lexer.js";
import { arith, current, gobbleOperand } from "./operand.js";
import { BACKTRACK, expectations, fail, MAX_NESTING, type ParseState, TOO_DEEP } from "./state.js";

/**
 * The four entry points of the original, by what they accept (research/nflex.md §5.2).
 * @public
 */
export type Grammar = "arithmetic" | "ternary" | "case" | "simple";

const runJsep = createJsepRunner(gobbleOperand);
current.parseCase = caseExpression;

function whole(state: ParseState, rule: (state: ParseState) => RootNode): RootNode {
  state.scope.index = 0;
  const node = rule(state);
  const end = skipSpaces(state.text, state.scope.index);
  if (end !== state.text.length) fail(state, end, ["end of input"]);
  return node;
}

function parseWith(state: ParseState, grammar: Grammar): RootNode {
  switch (grammar) {
    case "arithmetic":
      return whole(state, arith);
    case "ternary":
      return whole(state, ternary);
    case "case":
      return whole(state, caseExpression);
    default:
      // No CASE, although the original class inherits from the CASE parser.
      return whole(state, ternaryOrArithmetic);
  }
}

/** Parses `text` with one of the grammars into a tree, or throws {@link ExpressionSyntaxError}. */
export function parseTree(text: string, grammar: Grammar): RootNode {
  if (typeof text !== "string") {
    throw new ExpressionTypeError(`expression must be a string, not '${typeName(text)}'`);
  }
  return runJsep(text, (scope: JsepScope) => {
    const state: ParseState = {
      text,
      scope,
      caseOperands: grammar === "case",
      depth: 0,
      far: 0,
      expected: [],
      memo: new Map(),
    };
    const previous = current.state;
    current.state = state;
    try {
      return parseWith(state, grammar);
    } catch (error) {
      if (error === BACKTRACK) throw new ExpressionSyntaxError(text, state.far, expectations(state));
      if (error === TOO_DEEP) {
        throw new ExpressionSyntaxError(text, scope.index, [], `nesting deeper than ${MAX_NESTING} levels`);
      }
      throw error;
    } finally {
      current.state = previous;
    }
  });
}
