import { ExpressionSyntaxError } from "./errors.js";
import { ParsedExpression } from "./parsed-expression.js";
import { type Grammar, parseTree } from "./syntax/parse.js";

/**
 * Shared behaviour of the four parsers; they differ only in the grammar they accept.
 * @public
 */
export abstract class BaseExpressionParser {
  /** Which grammar this parser accepts. */
  abstract readonly grammar: Grammar;

  /**
   * Parses and compiles `text`. The original returned `None` on failure; this throws instead.
   * @throws ExpressionSyntaxError with the position reached and what was expected there.
   */
  parse(text: string): ParsedExpression {
    return new ParsedExpression(text, parseTree(text, this.grammar));
  }

  /** Like {@link BaseExpressionParser.parse} but returns `undefined` for text that does not parse. */
  tryParse(text: string): ParsedExpression | undefined {
    try {
      return this.parse(text);
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) return undefined;
      throw error;
    }
  }
}

/**
 * Arithmetic: `+ - * / ^`, parentheses, numbers, variables and `NULL`.
 * @public
 */
export class ExpressionParser extends BaseExpressionParser {
  readonly grammar = "arithmetic" as const;
}

/**
 * Python's `a if condition else b` only; plain arithmetic is rejected.
 * @public
 */
export class TernaryExpressionParser extends BaseExpressionParser {
  readonly grammar = "ternary" as const;
}

/**
 * SQL `CASE WHEN … THEN … [ELSE …] END` only, at the top level; CASEs nest as operands inside it.
 * @public
 */
export class CaseExpressionParser extends BaseExpressionParser {
  readonly grammar = "case" as const;
}

/**
 * A ternary or plain arithmetic, but no CASE; the parser {@link loadMetricMapping} uses.
 * @public
 */
export class SimpleExpressionParser extends BaseExpressionParser {
  readonly grammar = "simple" as const;
}
