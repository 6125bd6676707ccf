/**
 * @packageDocumentation
 * `@meterkit/metric-parser`: the expression parsers and YAML metric mappings of nflex-connector-utils,
 * parsed with jsep and compiled to closures, with the original's exact semantics.
 */

export type { MetricMappingProblem, MetricParserErrorCode } from "./errors.js";
export {
  ExpressionOverflowError,
  ExpressionSyntaxError,
  ExpressionTypeError,
  ExpressionValueError,
  isMetricParserError,
  MetricMappingError,
  MetricParserError,
  VariableLookupError,
} from "./errors.js";
export type {
  MetricMapping,
  MetricMappingLogger,
  MetricMappingOptions,
} from "./mapping/load-metric-mapping.js";
export { loadMetricMapping, parseMetricMapping } from "./mapping/load-metric-mapping.js";
export type { ParsedEntryInit } from "./mapping/parsed-entry.js";
export { ParsedEntry } from "./mapping/parsed-entry.js";
export type { Variables } from "./parsed-expression.js";
export { ParsedExpression } from "./parsed-expression.js";
export {
  BaseExpressionParser,
  CaseExpressionParser,
  ExpressionParser,
  SimpleExpressionParser,
  TernaryExpressionParser,
} from "./parsers.js";
export type { Grammar } from "./syntax/parse.js";
export { Complex } from "./values/complex.js";
export type { ExpressionValue } from "./values/operators.js";
