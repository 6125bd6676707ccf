const BRAND = Symbol.for("@meterkit/metric-parser/error");

/**
 * Stable codes of the package's errors, one per class.
 * @public
 */
export type MetricParserErrorCode =
  | "EXPRESSION_SYNTAX"
  | "VARIABLE_LOOKUP"
  | "EXPRESSION_TYPE"
  | "EXPRESSION_VALUE"
  | "EXPRESSION_OVERFLOW"
  | "METRIC_MAPPING";

/**
 * Base of every error this package throws. Check with {@link isMetricParserError}, which also works when two
 * copies of the package are installed.
 * @public
 */
export class MetricParserError extends Error {
  /** Stable machine-readable code. */
  readonly code: MetricParserErrorCode;

  constructor(code: MetricParserErrorCode, message: string, options?: ErrorOptions) {
    super(`[@meterkit/metric-parser] ${message}`, options);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * `true` when `value` is an error thrown by this package (optionally with the given code).
 * @public
 */
export function isMetricParserError(
  value: unknown,
  code?: MetricParserErrorCode,
): value is MetricParserError {
  return (
    typeof value === "object" &&
    value !== null &&
    BRAND in value &&
    (code === undefined || (value as unknown as MetricParserError).code === code)
  );
}

/**
 * The text is not an expression of the parser's grammar. The original returned `None` from `parse()` here.
 * @public
 */
export class ExpressionSyntaxError extends MetricParserError {
  /** The text that failed to parse. */
  readonly expression: string;
  /** 0-based offset (UTF-16 code units) of the farthest point the parser reached. */
  readonly position: number;
  /** What would have been accepted at {@link ExpressionSyntaxError.position}. */
  readonly expected: readonly string[];

  constructor(expression: string, position: number, expected: readonly string[], reason?: string) {
    const found =
      position >= expression.length
        ? "end of input"
        : JSON.stringify(expression.slice(position, position + 10));
    const detail = reason ?? `expected ${expected.join(", ")} at position ${position}, found ${found}`;
    super("EXPRESSION_SYNTAX", `Failed to parse ${JSON.stringify(expression)}: ${detail}`);
    this.expression = expression;
    this.position = position;
    this.expected = expected;
  }
}

/**
 * A variable used by the expression is missing (the original's `VariableLookupError`). Only own properties
 * count: `constructor` or `toString` are missing unless the variables object defines them itself.
 * @public
 */
export class VariableLookupError extends MetricParserError {
  /** Name of the missing variable. */
  readonly variable: string;

  constructor(variable: string) {
    super("VARIABLE_LOOKUP", `Lookup failed for variable ${variable}`);
    this.variable = variable;
  }
}

/**
 * An operand has the wrong type: `NULL` in arithmetic or in an ordering comparison, a variable that is not a
 * number, numeric string or boolean, or an ordering comparison on a complex number (Python `TypeError`).
 * @public
 */
export class ExpressionTypeError extends MetricParserError {
  constructor(message: string) {
    super("EXPRESSION_TYPE", message);
  }
}

/**
 * A string is not a number by Python's `float()` rules, including literals such as `1:.5` that the original's
 * number pattern accepts (Python `ValueError`).
 * @public
 */
export class ExpressionValueError extends MetricParserError {
  /** The text that could not be converted. */
  readonly text: string;

  constructor(text: string) {
    super("EXPRESSION_VALUE", `could not convert string to float: ${JSON.stringify(text)}`);
    this.text = text;
  }
}

/**
 * A result does not fit a double: `^` overflowing (`10^400`) or an integer variable beyond the double range
 * (Python `OverflowError`). `*` and `+` give `Infinity` instead, as in the original.
 * @public
 */
export class ExpressionOverflowError extends MetricParserError {
  constructor(message: string) {
    super("EXPRESSION_OVERFLOW", message);
  }
}

/**
 * Why a metric mapping could not be loaded.
 * @public
 */
export type MetricMappingProblem =
  | "unreadable"
  | "yaml-syntax"
  | "not-a-mapping"
  | "entry-not-a-mapping"
  | "expression-not-a-string";

/**
 * A metric mapping file is unreadable, is not valid YAML or has the wrong shape.
 * @public
 */
export class MetricMappingError extends MetricParserError {
  /** What is wrong. */
  readonly problem: MetricMappingProblem;
  /** Key of the offending entry, when one entry is at fault. */
  readonly key: unknown;

  constructor(problem: MetricMappingProblem, message: string, key?: unknown, options?: ErrorOptions) {
    super("METRIC_MAPPING", message, options);
    this.problem = problem;
    this.key = key;
  }
}
