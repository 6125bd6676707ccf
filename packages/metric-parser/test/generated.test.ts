/**
 * The generated functions (src/evaluate/generate.ts, used from an expression's second evaluation on) against
 * the closures and plans (src/evaluate/compile.ts, the first evaluation): the same value, or the same error
 * class, message and variable, on every conformance vector and on seeded random expressions and variables.
 */
import { seededRandom } from "@meterkit/core/testing";
import { describe, expect, it } from "vitest";
import { compile } from "../src/evaluate/compile.js";
import { generate } from "../src/evaluate/generate.js";
import {
  CaseExpressionParser,
  ExpressionParser,
  SimpleExpressionParser,
  TernaryExpressionParser,
  VariableLookupError,
} from "../src/index.js";
import { type Grammar, parseTree } from "../src/syntax/parse.js";
import { arithmetic, caseExpression, variables as randomVariables, ternary } from "./generate.js";
import { decode, readVectors } from "./vectors.js";

type Outcome = { value: unknown } | { error: string; message: string; variable?: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    const e = error as Error;
    return {
      error: e.constructor.name,
      message: e.message,
      ...(error instanceof VariableLookupError ? { variable: error.variable } : {}),
    };
  }
}

/** The same value (Object.is: -0 and NaN too), or the same error class, message and variable. */
function same(a: Outcome, b: Outcome): boolean {
  if ("value" in a || "value" in b) return "value" in a && "value" in b && Object.is(a.value, b.value);
  return JSON.stringify(a) === JSON.stringify(b);
}

const shown = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === "bigint" ? `${v}n` : v));

/** Both outcomes of one expression and scope; `undefined` when the expression is not generated. */
function compare(text: string, grammar: Grammar, scope: Record<string, unknown>) {
  let tree: ReturnType<typeof parseTree>;
  try {
    tree = parseTree(text, grammar);
  } catch {
    return undefined; // does not parse: nothing is generated
  }
  const generated = generate(tree);
  if (generated === undefined) return undefined;
  const compiled = compile(tree);
  return { closures: outcome(() => compiled.evaluate(scope)), generated: outcome(() => generated(scope)) };
}

const GRAMMARS: Record<string, Grammar> = {
  ExpressionParser: new ExpressionParser().grammar,
  TernaryExpressionParser: new TernaryExpressionParser().grammar,
  CaseExpressionParser: new CaseExpressionParser().grammar,
  SimpleExpressionParser: new SimpleExpressionParser().grammar,
};

describe("generated functions evaluate as the closures do", () => {
  it("on every parser.json vector", () => {
    const { vectors } = readVectors<{ parser: string; expression: string; variables: unknown }>(
      "parser.json",
    );
    let generated = 0;
    const failures: string[] = [];
    for (const v of vectors) {
      const grammar = GRAMMARS[v.parser];
      if (grammar === undefined) continue;
      const result = compare(v.expression, grammar, decode(v.variables) as Record<string, unknown>);
      if (result === undefined) continue;
      generated++;
      if (!same(result.closures, result.generated))
        failures.push(`${v.expression} ${shown(v.variables)}: ${shown(result)}`);
    }
    expect(failures).toEqual([]);
    // The vectors exercise the generated grammar widely: a vacuous pass would generate almost nothing.
    expect(generated).toBeGreaterThan(vectors.length / 4);
  });

  it("on 15,000 seeded random ternaries, CASEs and arithmetic, with random variables", () => {
    const random = seededRandom(20261203);
    let generated = 0;
    const failures: string[] = [];
    for (let i = 0; i < 15_000; i++) {
      const kind = i % 3;
      const text = kind === 0 ? ternary(random) : kind === 1 ? caseExpression(random) : arithmetic(random);
      const grammar = kind === 0 ? "simple" : kind === 1 ? "case" : "arithmetic";
      const scope = randomVariables(random);
      const result = compare(text, grammar, scope);
      if (result === undefined) continue;
      generated++;
      if (!same(result.closures, result.generated) && failures.length < 20)
        failures.push(`${text} ${shown(scope)}: ${shown(result)}`);
    }
    expect(failures).toEqual([]);
    expect(generated).toBeGreaterThan(500);
  });

  it("reuses a variable's value where every path to it has read the variable", () => {
    const reads: string[] = [];
    const scope = (values: Record<string, number>) => {
      const out: Record<string, number> = {};
      for (const [name, value] of Object.entries(values))
        Object.defineProperty(out, name, {
          enumerable: true,
          get: () => {
            reads.push(name);
            return value;
          },
        });
      return out;
    };
    const run = (text: string, grammar: Grammar, values: Record<string, number>) => {
      reads.length = 0;
      const value = generate(parseTree(text, grammar))?.(scope(values));
      return { value, reads: [...reads] };
    };
    const cased = "CASE WHEN total = 0 THEN NULL WHEN value > total THEN 100 ELSE value / total * 100 END";
    expect(run(cased, "case", { value: 5, total: 10 })).toEqual({ value: 50, reads: ["total", "value"] });
    expect(run(cased, "case", { value: 5, total: 0 })).toEqual({ value: null, reads: ["total"] });
    // A variable first read in a short-circuited operand may not have been read: it is read again after it.
    const or = "CASE WHEN a > 0 OR b > 0 THEN b * b ELSE a + b END";
    expect(run(or, "case", { a: 1, b: 3 })).toEqual({ value: 9, reads: ["a", "b"] });
    expect(run(or, "case", { a: 0, b: 3 })).toEqual({ value: 9, reads: ["a", "b", "b"] });
    expect(run(or, "case", { a: 0, b: 0 })).toEqual({ value: 0, reads: ["a", "b", "b"] });
    const ternary = "x * y if x > 0 else y - y";
    expect(run(ternary, "simple", { x: 2, y: 4 })).toEqual({ value: 8, reads: ["x", "y"] });
    expect(run(ternary, "simple", { x: 0, y: 4 })).toEqual({ value: 0, reads: ["x", "y"] });
  });

  it("reads a variable only as an own property, and names cannot inject code", () => {
    const tree = parseTree("value * 2 if value > 0 else total", "simple");
    const f = generate(tree);
    expect(f).toBeDefined();
    const inherited = Object.create({ value: 5 }) as Record<string, unknown>;
    expect(outcome(() => f?.(inherited))).toEqual(outcome(() => compile(tree).evaluate(inherited)));
    expect(outcome(() => f?.({ value: "3" }))).toEqual({ value: 6 });
    // The grammar's identifiers are words, but the generator must not rely on it: a name is a JSON literal.
    const name = '"]; globalThis.injected = 1; s["\u2028';
    const g = generate({ type: "Identifier", name });
    expect(outcome(() => g?.({}))).toMatchObject({ error: "VariableLookupError", variable: name });
    expect(g?.({ [name]: 7 })).toBe(7);
    expect((globalThis as Record<string, unknown>).injected).toBeUndefined();
  });
});
