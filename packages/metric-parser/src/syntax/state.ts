import type { JsepScope } from "./jsep-engine.js";

/** Deepest nesting of parentheses, CASE and NOT accepted (the original hits Python's recursion limit near 15). */
export const MAX_NESTING = 100;

/** Thrown to backtrack to the last ordered-choice point (pyparsing's MatchFirst); never escapes a parse. */
export const BACKTRACK: unique symbol = Symbol("backtrack");
/** Thrown when {@link MAX_NESTING} is exceeded; ends the parse at once. */
export const TOO_DEEP: unique symbol = Symbol("too deep");

/** One parse in progress. The cursor is the jsep instance's `index`. */
export interface ParseState {
  readonly text: string;
  readonly scope: JsepScope;
  /** Whether a CASE may appear as an operand (inside CaseExpressionParser only). */
  readonly caseOperands: boolean;
  depth: number;
  /** Farthest position where something failed, and the lists of what was expected there (for the error). */
  far: number;
  readonly expected: (readonly string[])[];
  /**
   * Packrat memo (pyparsing's packrat mode): result of a rule at a start position, or {@link BACKTRACK} for
   * a failure. Without it, CASE conditions that backtrack over nested parentheses take exponential time.
   */
  readonly memo: Map<number, Memo<unknown>>;
}

/** A memoised rule outcome. */
export type Memo<T> = { readonly node: T; readonly end: number } | typeof BACKTRACK;

/** Memoised rules, as small integers so the memo key is a number. */
export const Rule = { Arith: 0, Not: 1 } as const;
type RuleId = (typeof Rule)[keyof typeof Rule];

/** Runs `rule` at the cursor once per (rule, position); later calls replay its outcome. */
export function memoized<T>(state: ParseState, rule: RuleId, body: () => T): T {
  const key = state.scope.index * 2 + rule;
  const known = state.memo.get(key) as Memo<T> | undefined;
  if (known === BACKTRACK) throw BACKTRACK;
  if (known !== undefined) {
    state.scope.index = known.end;
    return known.node;
  }
  try {
    const node = body();
    state.memo.set(key, { node, end: state.scope.index });
    return node;
  } catch (error) {
    if (error === BACKTRACK) state.memo.set(key, BACKTRACK);
    throw error;
  }
}

/** Records what was expected at `position` (kept only for the farthest position; no allocation per call). */
export function note(state: ParseState, position: number, expected: readonly string[]): void {
  if (position > state.far) {
    state.far = position;
    state.expected.length = 0;
    state.expected.push(expected);
  } else if (position === state.far) {
    state.expected.push(expected);
  }
}

/** What was expected at the farthest position, without duplicates. */
export function expectations(state: ParseState): string[] {
  return [...new Set(state.expected.flat())];
}

/** Records the expectation and backtracks. */
export function fail(state: ParseState, position: number, expected: readonly string[]): never {
  note(state, position, expected);
  throw BACKTRACK;
}

/** Runs `body` one nesting level deeper. */
export function nested<T>(state: ParseState, body: () => T): T {
  if (++state.depth > MAX_NESTING) throw TOO_DEEP;
  try {
    return body();
  } finally {
    state.depth--;
  }
}
