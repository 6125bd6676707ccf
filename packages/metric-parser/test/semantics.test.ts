import jsep from "jsep";
import { describe, expect, it } from "vitest";
import {
  CaseExpressionParser,
  Complex,
  ExpressionParser,
  ExpressionSyntaxError,
  SimpleExpressionParser,
  TernaryExpressionParser,
} from "../src/index.js";

const arithmetic = new ExpressionParser();
const simple = new SimpleExpressionParser();
const cases = new CaseExpressionParser();

describe("behaviours a Python user would not expect (README)", () => {
  it("every number is a double, division by zero is 0, unary minus binds tighter than ^", () => {
    expect(arithmetic.parse("-2^2").evaluate()).toBe(4);
    expect(arithmetic.parse("2^3^2").evaluate()).toBe(512);
    expect(arithmetic.parse("1/0 + 5").evaluate()).toBe(5);
    expect(arithmetic.parse("0^-1").evaluate()).toBe(0);
    expect(arithmetic.parse("1^(0*1e999)").evaluate()).toBe(1);
  });

  it("a negative base with a fractional exponent gives a Complex", () => {
    const result = arithmetic.parse("(-8)^(1/3)").evaluate();
    expect(result).toBeInstanceOf(Complex);
    expect((result as Complex).im).toBeCloseTo(Math.sqrt(3), 15);
  });

  it("NOT, AND and OR have no word boundary inside CASE conditions", () => {
    const notes = cases.parse("CASE WHEN notes > 0 THEN 1 ELSE 0 END");
    expect(notes.evaluate({ es: 1 })).toBe(0); // NOT (es > 0)
    expect(cases.parse("CASE WHEN not > 0 THEN 1 ELSE 0 END").evaluate({ not: 1 })).toBe(1);
  });

  it("keywords may follow a number directly, and NULL is the only null", () => {
    expect(simple.parse("1if x>0 else 2").evaluate({ x: 1 })).toBe(1);
    expect(arithmetic.parse("+NULL").evaluate()).toBeNull();
    expect(arithmetic.parse("null").evaluate({ null: 3 })).toBe(3);
  });

  it("only the chosen ternary branch is evaluated; SimpleExpressionParser has no CASE", () => {
    expect(new TernaryExpressionParser().parse("1 if x > 0 else missing").evaluate({ x: 1 })).toBe(1);
    expect(() => simple.parse("CASE WHEN x > 0 THEN 1 END")).toThrow(ExpressionSyntaxError);
  });

  it("variables may be a Map, and strings follow Python's float()", () => {
    const expression = simple.parse("value * 2");
    expect(expression.evaluate(new Map([["value", " 1_5 "]]))).toBe(30);
    expect(expression.evaluate({ value: "١٢" })).toBe(24);
    expect(expression.evaluate({ value: true })).toBe(2);
  });

  it("long chains and sign runs evaluate without exhausting the stack", () => {
    expect(arithmetic.parse(Array(20_000).fill("1").join("+")).evaluate()).toBe(20_000);
    expect(arithmetic.parse(`${"-".repeat(20_001)}1`).evaluate()).toBe(-1);
    expect(arithmetic.parse(Array(5_000).fill("1").join("^")).evaluate()).toBe(1);
  });
});

describe("compiled conversions", () => {
  const conversion = simple.parse("(value - offset) * 100 / total if total > 0 else 0");

  /** Variables whose getters record every read, in order. */
  function recorded(values: Record<string, number>): { scope: Record<string, number>; reads: string[] } {
    const reads: string[] = [];
    const scope: Record<string, number> = {};
    for (const [name, value] of Object.entries(values)) {
      Object.defineProperty(scope, name, {
        enumerable: true,
        get: () => {
          reads.push(name);
          return value;
        },
      });
    }
    return { scope, reads };
  }

  it("reads the comparison's variable once and the others in the original's order", () => {
    const { scope, reads } = recorded({ value: 12, offset: 2, total: 40 });
    expect(conversion.evaluate(scope)).toBe(25);
    expect(reads).toEqual(["total", "value", "offset"]);
    const zero = recorded({ value: 12, offset: 2, total: 0 });
    expect(conversion.evaluate(zero.scope)).toBe(0);
    expect(zero.reads).toEqual(["total"]);
  });

  it("names the first missing variable, test first", () => {
    expect(() => conversion.evaluate({ value: 1 })).toThrow(expect.objectContaining({ variable: "total" }));
    expect(() => conversion.evaluate({ total: 1, offset: 2 })).toThrow(
      expect.objectContaining({ variable: "value" }),
    );
    expect(() => conversion.evaluate({ total: 1, value: 2 })).toThrow(
      expect.objectContaining({ variable: "offset" }),
    );
  });

  it("keeps division by zero at 0 and converts non-number variables like Python's float()", () => {
    expect(simple.parse("x / y * 3 if x == 0 else x / y").evaluate({ x: 5, y: 0 })).toBe(0);
    expect(simple.parse("y - 1 if 2 <= y else 0").evaluate({ y: " 2.5 " })).toBe(1.5);
    expect(simple.parse("y + y if y != 0 else y").evaluate({ y: true })).toBe(2);
    // A chain starts from its first operand exactly: -0 stays -0 (toBe compares with Object.is).
    expect(simple.parse("x if y > 0 else x * 1").evaluate({ x: -0, y: 1 })).toBe(-0);
    expect(simple.parse("x - 0 if y > 0 else x").evaluate({ x: -0, y: -1 })).toBe(-0);
  });
});

describe("jsep's shared configuration", () => {
  it("is left as it was for other users of jsep, and theirs does not leak into ours", () => {
    jsep.addBinaryOp("%%", 10);
    jsep.addIdentifierChar("@");
    try {
      expect(arithmetic.parse("2^3").evaluate()).toBe(8);
      expect(() => arithmetic.parse("a %% b")).toThrow(ExpressionSyntaxError);
      expect(() => arithmetic.parse("@a")).toThrow(ExpressionSyntaxError);
      expect(() => arithmetic.parse("a.b")).toThrow(ExpressionSyntaxError);
      expect(() => arithmetic.parse("true")).not.toThrow();
      // After our parses, jsep still has its own defaults plus the user's additions.
      expect(jsep("a ? b : c").type).toBe("ConditionalExpression");
      expect(jsep("a %% b")).toMatchObject({ type: "BinaryExpression", operator: "%%" });
      expect(jsep("2 ^ 3 * 4")).toMatchObject({ operator: "^" }); // XOR, below `*`, as jsep defines it
      expect(jsep("@a")).toMatchObject({ type: "Identifier", name: "@a" });
    } finally {
      jsep.removeBinaryOp("%%");
      jsep.removeIdentifierChar("@");
    }
  });
});
