import { seededRandom } from "@meterkit/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CaseExpressionParser,
  Complex,
  ExpressionParser,
  ExpressionSyntaxError,
  isMetricParserError,
  SimpleExpressionParser,
  TernaryExpressionParser,
  VariableLookupError,
} from "../src/index.js";
import {
  arithmetic,
  caseExpression,
  DANGEROUS_NAMES,
  type Random,
  ternary,
  tokenSoup,
  variables,
} from "./generate.js";

const INPUTS = 100_000;
const parsers = [
  new ExpressionParser(),
  new TernaryExpressionParser(),
  new CaseExpressionParser(),
  new SimpleExpressionParser(),
];

// A trap on Object.prototype: if any lookup fell through to the prototype chain, it would fire.
let trapped = 0;
const stackTraceLimit = Error.stackTraceLimit;
beforeAll(() => {
  // Most of the 400,000 parses fail, and capturing a stack trace dominates the cost of each error; the test
  // checks the errors' classes, not their stacks.
  Error.stackTraceLimit = 0;
  Object.defineProperty(Object.prototype, "polluted", {
    configurable: true,
    get() {
      trapped++;
      return 42;
    },
  });
});
afterAll(() => {
  Error.stackTraceLimit = stackTraceLimit;
  delete (Object.prototype as Record<string, unknown>).polluted;
});

/** A scope that records every access, to prove values are read only after an own-property check. */
function recordingScope(target: Record<string, unknown>, log: string[]): Record<string, unknown> {
  return new Proxy(target, {
    getOwnPropertyDescriptor(t, key) {
      log.push(`own:${String(key)}`);
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    get(t, key) {
      log.push(`get:${String(key)}`);
      return Reflect.get(t, key);
    },
    has(t, key) {
      log.push(`has:${String(key)}`);
      return Reflect.has(t, key);
    },
  });
}

function input(random: Random, i: number): string {
  switch (i % 10) {
    case 7:
      return arithmetic(random);
    case 8:
      return ternary(random);
    case 9:
      return caseExpression(random);
    default:
      return tokenSoup(random);
  }
}

describe("fuzz", () => {
  it(`${INPUTS.toLocaleString("en-US")} generated inputs through every parser fail only with typed errors`, {
    timeout: 180_000,
  }, () => {
    const random = seededRandom(20181004);
    const problems: string[] = [];
    let parsedCount = 0;
    let evaluatedCount = 0;
    for (let i = 0; i < INPUTS; i++) {
      const text = input(random, i);
      const wellFormed = i % 10 >= 7 ? (["arithmetic", "ternary", "case"] as const)[(i % 10) - 7] : undefined;
      for (const parser of parsers) {
        let parsed: ReturnType<typeof parser.parse>;
        try {
          parsed = parser.parse(text);
        } catch (error) {
          if (!(error instanceof ExpressionSyntaxError))
            problems.push(`parse ${JSON.stringify(text)}: ${String(error)}`);
          else if (parser.grammar === wellFormed)
            problems.push(`${parser.grammar} rejected its own ${JSON.stringify(text)}`);
          continue;
        }
        parsedCount++;
        const log: string[] = [];
        const scope = variables(random);
        try {
          const result = parsed.evaluate(i % 20 === 0 ? recordingScope(scope, log) : scope);
          evaluatedCount++;
          if (!(result === null || typeof result === "number" || result instanceof Complex)) {
            problems.push(`${JSON.stringify(text)} gave ${String(result)}`);
          }
        } catch (error) {
          if (!isMetricParserError(error))
            problems.push(`evaluate ${JSON.stringify(text)}: ${String(error)}`);
        }
        // Every value read (`get`) must follow an own-property check of the same name.
        for (const [index, entry] of log.entries()) {
          if (entry.startsWith("get:") && log[index - 1] !== `own:${entry.slice(4)}`) {
            problems.push(`${JSON.stringify(text)} read ${entry} without an own-property check`);
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(trapped).toBe(0);
    // The generators must exercise both outcomes, or the test proves nothing.
    expect(parsedCount).toBeGreaterThan(INPUTS / 5);
    expect(evaluatedCount).toBeGreaterThan(INPUTS / 50);
  });

  it("deeply nested random CASE conditions neither hang nor fail untyped", () => {
    const random = seededRandom(7);
    // Random nestings of the constructs that make a backtracking parser retry work, failing or not at the core.
    const wrappers: ((inner: string) => string)[] = [
      (inner) => `(${inner})`,
      (inner) => `NOT (${inner})`,
      (inner) => `(CASE WHEN ${inner} THEN 1 END > 0)`,
      (inner) => `(CASE WHEN (${inner}) THEN 1 END`,
      (inner) => `${inner} AND x > 0`,
    ];
    for (let i = 0; i < 300; i++) {
      let text = random() < 0.5 ? "x > " : "x > 0";
      const depth = 10 + Math.floor(random() * 40);
      for (let d = 0; d < depth; d++) text = wrappers[Math.floor(random() * wrappers.length)]!(text);
      text = `CASE WHEN ${text} THEN 1 END`;
      for (const parser of parsers) {
        try {
          parser.parse(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionSyntaxError);
        }
      }
    }
  });

  it("names of prototype members are just missing variables", () => {
    for (const name of DANGEROUS_NAMES.filter((n) => /^[A-Za-z][A-Za-z0-9_]*$/.test(n))) {
      const expression = new ExpressionParser().parse(name);
      expect(() => expression.evaluate({})).toThrow(VariableLookupError);
      expect(() => expression.evaluate(Object.create(null))).toThrow(VariableLookupError);
      expect(expression.evaluate({ [name]: 2 })).toBe(2);
    }
    expect(trapped).toBe(0);
  });
});
