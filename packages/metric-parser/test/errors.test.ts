import { describe, expect, it } from "vitest";
import {
  CaseExpressionParser,
  ExpressionOverflowError,
  ExpressionParser,
  ExpressionSyntaxError,
  ExpressionTypeError,
  ExpressionValueError,
  isMetricParserError,
  SimpleExpressionParser,
  TernaryExpressionParser,
  VariableLookupError,
} from "../src/index.js";

function syntaxError(run: () => unknown): ExpressionSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return error;
    throw error;
  }
  throw new Error("expected an ExpressionSyntaxError");
}

describe("parse errors", () => {
  it("carry the farthest position reached and what was expected there", () => {
    const error = syntaxError(() => new ExpressionParser().parse("1 +"));
    expect(error.position).toBe(3);
    expect(error.expected).toContain("a number");
    expect(error.expected).toContain("a variable");
    expect(error.message).toMatch(/^\[@meterkit\/metric-parser\] Failed to parse "1 \+": expected /);
    expect(isMetricParserError(error, "EXPRESSION_SYNTAX")).toBe(true);
  });

  it("point at a missing END, THEN or ELSE", () => {
    const text = "CASE WHEN x > 0 THEN 1";
    const end = syntaxError(() => new CaseExpressionParser().parse(text));
    expect(end.position).toBe(text.length);
    expect(end.expected).toEqual(expect.arrayContaining(["WHEN", "ELSE", "END"]));
    const then = syntaxError(() => new CaseExpressionParser().parse("CASE WHEN x > 0 1 END"));
    expect(then.position).toBe(16);
    expect(then.expected).toContain("THEN");
    const otherwise = syntaxError(() => new TernaryExpressionParser().parse("1 if x > 0"));
    expect(otherwise.position).toBe(10);
    expect(otherwise.expected).toContain("ELSE");
  });

  it("name the operators a condition accepts", () => {
    const error = syntaxError(() => new TernaryExpressionParser().parse("1 if x else 2"));
    expect(error.position).toBe(7);
    expect(error.expected).toEqual(expect.arrayContaining(["'>'", "'=='", "an operator"]));
  });

  it("reject nesting deeper than the limit cleanly, without exhausting the stack", () => {
    const deep = `${"(".repeat(5000)}1${")".repeat(5000)}`;
    const error = syntaxError(() => new ExpressionParser().parse(deep));
    expect(error.message).toContain("nesting deeper than 100 levels");
    expect(new ExpressionParser().parse(`${"(".repeat(90)}1${")".repeat(90)}`).evaluate()).toBe(1);
    const nots = `CASE WHEN ${"NOT ".repeat(5000)}x > 0 THEN 1 END`;
    expect(syntaxError(() => new CaseExpressionParser().parse(nots)).message).toContain("nesting");
  });

  it("tryParse returns undefined instead, and a non-string is a type error", () => {
    expect(new SimpleExpressionParser().tryParse("value *")).toBeUndefined();
    expect(new SimpleExpressionParser().tryParse("value * 2")?.evaluate({ value: 2 })).toBe(4);
    expect(() => new ExpressionParser().parse(10 as unknown as string)).toThrow(ExpressionTypeError);
  });
});

describe("evaluation errors", () => {
  const parser = new SimpleExpressionParser();

  it("a missing variable names it", () => {
    const error = (() => {
      try {
        parser.parse("value * rate").evaluate({ value: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(VariableLookupError);
    expect((error as VariableLookupError).variable).toBe("rate");
    expect(isMetricParserError(error, "VARIABLE_LOOKUP")).toBe(true);
  });

  it("operands are evaluated left to right, so a lookup error wins over a type error", () => {
    expect(() => parser.parse("NULL + x").evaluate({})).toThrow(VariableLookupError);
    expect(() => parser.parse("NULL + x").evaluate({ x: 1 })).toThrow(ExpressionTypeError);
  });

  it("type, value and overflow errors are typed as the original raised them", () => {
    expect(() => parser.parse("-NULL").evaluate()).toThrow(ExpressionTypeError);
    expect(() => parser.parse("1 if x > 1 else 0").evaluate({ x: null })).toThrow(ExpressionTypeError);
    expect(() => parser.parse("x").evaluate({ x: [1] })).toThrow(ExpressionTypeError);
    expect(() => parser.parse("x").evaluate({ x: "0x10" })).toThrow(ExpressionValueError);
    expect(() => parser.parse("1:.5").evaluate()).toThrow(ExpressionValueError);
    expect(() => parser.parse("10^400").evaluate()).toThrow(ExpressionOverflowError);
    expect(() => parser.parse("x").evaluate({ x: 10n ** 400n })).toThrow(ExpressionOverflowError);
    expect(parser.parse("1e308 * 10").evaluate()).toBe(Infinity);
  });

  it("names the variable's type as Python's float() does", () => {
    // python3: float({}) → "float() argument must be a string or a real number, not 'dict'"
    const message = (x: string) => `float() argument must be a string or a real number, not ${x}`;
    expect(() => parser.parse("x").evaluate({ x: { a: 1 } })).toThrow(message("'dict'"));
    expect(() => parser.parse("x").evaluate({ x: [1] })).toThrow(message("'list'"));
    expect(() => parser.parse("x").evaluate({ x: " \u0664\u0662 " })).not.toThrow();
    expect(parser.parse("x").evaluate({ x: "1_000.5" })).toBe(1000.5);
    expect(() => parser.parse("x").evaluate({ x: "1__0" })).toThrow(ExpressionValueError);
  });
});

describe("backtracking", () => {
  it("is memoised, so nested CASE conditions that fail deep inside are rejected in linear time", () => {
    // Without packrat memoisation each level doubles the work: 2^40 steps here.
    const text = `CASE WHEN ${"(CASE WHEN (".repeat(40)}x > ${")".repeat(40)} THEN 1 END`;
    expect(() => new CaseExpressionParser().parse(text)).toThrow(ExpressionSyntaxError);
    const ok = `CASE WHEN ${"(".repeat(60)}x > 0${")".repeat(60)} THEN 1 ELSE 0 END`;
    expect(new CaseExpressionParser().parse(ok).evaluate({ x: 1 })).toBe(1);
  });
});
