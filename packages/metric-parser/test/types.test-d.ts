/**
 * Typed-API tests of `@meterkit/metric-parser`'s public surface, run by vitest's `typecheck` mode.
 * Each `@ts-expect-error` line proves one misuse a user could write is refused by the compiler.
 */
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  BaseExpressionParser,
  CaseExpressionParser,
  Complex,
  type ExpressionOverflowError,
  ExpressionParser,
  ExpressionSyntaxError,
  type ExpressionTypeError,
  type ExpressionValue,
  type ExpressionValueError,
  type Grammar,
  isMetricParserError,
  loadMetricMapping,
  type MetricMapping,
  MetricMappingError,
  type MetricMappingLogger,
  type MetricMappingOptions,
  type MetricMappingProblem,
  type MetricParserError,
  type MetricParserErrorCode,
  ParsedEntry,
  type ParsedEntryInit,
  ParsedExpression,
  parseMetricMapping,
  SimpleExpressionParser,
  TernaryExpressionParser,
  type VariableLookupError,
  type Variables,
} from "../src/index.js";

describe("parsers", () => {
  it("each parser names its grammar as a literal type", () => {
    expectTypeOf(new ExpressionParser().grammar).toEqualTypeOf<"arithmetic">();
    expectTypeOf(new TernaryExpressionParser().grammar).toEqualTypeOf<"ternary">();
    expectTypeOf(new CaseExpressionParser().grammar).toEqualTypeOf<"case">();
    expectTypeOf(new SimpleExpressionParser().grammar).toEqualTypeOf<"simple">();
    expectTypeOf<Grammar>().toEqualTypeOf<"arithmetic" | "ternary" | "case" | "simple">();
    expectTypeOf<SimpleExpressionParser>().toExtend<BaseExpressionParser>();
    // @ts-expect-error the base parser is abstract
    new BaseExpressionParser();
    // @ts-expect-error grammar is readonly
    new ExpressionParser().grammar = "case";
  });

  it("parse() returns a ParsedExpression, tryParse() may return undefined", () => {
    const parser = new SimpleExpressionParser();
    expectTypeOf(parser.parse).parameters.toEqualTypeOf<[text: string]>();
    expectTypeOf(parser.parse("value * 8")).toEqualTypeOf<ParsedExpression>();
    expectTypeOf(parser.tryParse("value *")).toEqualTypeOf<ParsedExpression | undefined>();
    // @ts-expect-error an expression is text
    parser.parse(42);
    // @ts-expect-error the text is required
    parser.parse();
  });

  it("evaluate() takes variables and returns number | null | Complex", () => {
    const expr = new ExpressionParser().parse("a + b");
    expectTypeOf(expr.source).toEqualTypeOf<string>();
    expectTypeOf(expr.evaluate({ a: 1, b: "2" })).toEqualTypeOf<ExpressionValue>();
    expectTypeOf<ExpressionValue>().toEqualTypeOf<number | null | Complex>();
    expr.evaluate(new Map([["a", 1n]]));
    expr.evaluate();
    assertType<Variables>({ a: true, b: null });
    expectTypeOf(new Complex(1, 2).re).toEqualTypeOf<number>();
    // @ts-expect-error variables are an object or a Map, not a list
    expr.evaluate([1, 2]);
    // @ts-expect-error a Map's keys are variable names
    expr.evaluate(new Map([[1, 1]]));
    // @ts-expect-error the result may be null or complex, so it is not a plain number
    const n: number = expr.evaluate({ a: 1, b: 2 });
    void n;
    // @ts-expect-error a parsed expression is made by a parser: the constructor wants a parse tree
    new ParsedExpression("a + b");
  });
});

describe("metric mappings", () => {
  it("load and parse to a Map of ParsedEntry", () => {
    expectTypeOf(loadMetricMapping()).toEqualTypeOf<MetricMapping>();
    expectTypeOf(loadMetricMapping(new URL("file:///m.yaml"))).toEqualTypeOf<MetricMapping>();
    expectTypeOf(loadMetricMapping({ yaml: "a: {}" })).toEqualTypeOf<MetricMapping>();
    expectTypeOf(parseMetricMapping("a: {}", { logger: console })).toEqualTypeOf<MetricMapping>();
    expectTypeOf<MetricMapping>().toEqualTypeOf<Map<unknown, ParsedEntry>>();
    const entry = parseMetricMapping("").get("metric1");
    expectTypeOf(entry).toEqualTypeOf<ParsedEntry | undefined>();
    expectTypeOf<ParsedEntry["conversion"]>().toEqualTypeOf<ParsedExpression | undefined>();
    expectTypeOf<ParsedEntry["convert"]>().parameter(0).toEqualTypeOf<Variables | undefined>();
    assertType<MetricMappingOptions>({});
    assertType<MetricMappingLogger>({ warn: (message: string) => void message });
    assertType<ParsedEntryInit>({ name: "cpu", conversion: new ExpressionParser().parse("1") });
    // @ts-expect-error the YAML text goes in a { yaml } object
    loadMetricMapping({ text: "a: {}" });
    // @ts-expect-error parseMetricMapping takes the YAML text
    parseMetricMapping(new URL("file:///m.yaml"));
    // @ts-expect-error a logger needs warn()
    parseMetricMapping("", { logger: { info: () => {} } });
    // @ts-expect-error conversion is a ParsedExpression, not its text
    new ParsedEntry({ conversion: "value * 8" });
  });
});

describe("errors", () => {
  it("extend MetricParserError with literal codes and typed details", () => {
    expectTypeOf<MetricParserError>().toExtend<Error>();
    expectTypeOf<ExpressionSyntaxError>().toExtend<MetricParserError>();
    expectTypeOf<VariableLookupError>().toExtend<MetricParserError>();
    expectTypeOf<ExpressionTypeError>().toExtend<MetricParserError>();
    expectTypeOf<ExpressionValueError>().toExtend<MetricParserError>();
    expectTypeOf<ExpressionOverflowError>().toExtend<MetricParserError>();
    expectTypeOf<MetricMappingError>().toExtend<MetricParserError>();
    expectTypeOf<MetricParserError["code"]>().toEqualTypeOf<MetricParserErrorCode>();
    expectTypeOf<MetricParserErrorCode>().toEqualTypeOf<
      | "EXPRESSION_SYNTAX"
      | "VARIABLE_LOOKUP"
      | "EXPRESSION_TYPE"
      | "EXPRESSION_VALUE"
      | "EXPRESSION_OVERFLOW"
      | "METRIC_MAPPING"
    >();
    expectTypeOf<ExpressionSyntaxError["position"]>().toEqualTypeOf<number>();
    expectTypeOf<ExpressionSyntaxError["expected"]>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<VariableLookupError["variable"]>().toEqualTypeOf<string>();
    expectTypeOf<ExpressionValueError["text"]>().toEqualTypeOf<string>();
    expectTypeOf<MetricMappingError["problem"]>().toEqualTypeOf<MetricMappingProblem>();
    const caught: unknown = null;
    if (isMetricParserError(caught, "VARIABLE_LOOKUP"))
      expectTypeOf(caught).toEqualTypeOf<MetricParserError>();
    // @ts-expect-error codes are upper case
    isMetricParserError(caught, "variable_lookup");
    // @ts-expect-error not a MetricMappingProblem
    new MetricMappingError("file-missing", "no file");
    // @ts-expect-error the position is a number
    new ExpressionSyntaxError("1 +", "3", []);
  });
});
