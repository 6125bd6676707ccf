import { describe, expect, it } from "vitest";
import {
  CaseExpressionParser,
  ExpressionParser,
  ExpressionSyntaxError,
  type ParsedExpression,
  SimpleExpressionParser,
  TernaryExpressionParser,
  VariableLookupError,
} from "../src/index.js";
import { decode, errorClasses, readVectors, sameValue } from "./vectors.js";

interface ParserVector {
  parser: string;
  expression: string;
  variables: Record<string, unknown>;
  parse_ok: boolean;
  ok: boolean;
  expected: unknown;
  note?: string;
}

const parsers = {
  ExpressionParser: new ExpressionParser(),
  TernaryExpressionParser: new TernaryExpressionParser(),
  CaseExpressionParser: new CaseExpressionParser(),
  SimpleExpressionParser: new SimpleExpressionParser(),
} as const;

function check(v: ParserVector): string | undefined {
  const parser = parsers[v.parser as keyof typeof parsers];
  if (parser === undefined) return `unknown parser ${v.parser}`;
  let parsed: ParsedExpression;
  try {
    parsed = parser.parse(v.expression);
  } catch (error) {
    if (!v.parse_ok && error instanceof ExpressionSyntaxError) return undefined;
    return v.parse_ok ? `parse failed: ${String(error)}` : `wrong parse error ${String(error)}`;
  }
  if (!v.parse_ok) return "parsed, but the original fails to parse";
  const variables = decode(v.variables) as Record<string, unknown>;
  // V8's `**` is not correctly rounded: results involving `^` may differ by one unit in the last place.
  const ulps = v.expression.includes("^") ? 1 : 0;
  const expected = v.expected as { error: string; message: string };
  try {
    const actual = parsed.evaluate(variables);
    if (!v.ok) return `evaluated to ${String(actual)}, expected ${expected.error}`;
    return sameValue(actual, decode(v.expected), ulps)
      ? undefined
      : `got ${String(actual)}, expected ${JSON.stringify(v.expected)}`;
  } catch (error) {
    if (v.ok) return `threw ${String(error)}`;
    const cls = errorClasses[expected.error];
    if (cls === undefined || !(error instanceof cls))
      return `threw ${String(error)}, expected ${expected.error}`;
    if (error instanceof VariableLookupError) {
      const name = /^Lookup failed for variable (\S+) in /.exec(expected.message)?.[1];
      if (name !== undefined && name !== error.variable) return `missing ${error.variable}, expected ${name}`;
    }
    return undefined;
  }
}

describe("parser.json conformance", () => {
  const file = readVectors<ParserVector>("parser.json");

  it("has the vector count its header declares", () => {
    expect(file.vectors.length).toBe(file.count);
    expect(file.vectors.length).toBeGreaterThan(0);
  });

  for (const name of Object.keys(parsers)) {
    const vectors = file.vectors.filter((v) => v.parser === name);
    it(`${name}: every vector (${vectors.length}) matches the original`, () => {
      const failures: string[] = [];
      for (const v of vectors) {
        const problem = check(v);
        if (problem !== undefined)
          failures.push(`${JSON.stringify(v.expression)} ${JSON.stringify(v.variables)}: ${problem}`);
      }
      expect(failures.slice(0, 30)).toEqual([]);
      expect(failures.length).toBe(0);
    });
  }

  it("covers only the four known parsers", () => {
    expect(file.vectors.filter((v) => !(v.parser in parsers))).toEqual([]);
  });
});
