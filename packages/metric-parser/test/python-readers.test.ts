/**
 * The README's "For Python readers" table, claim by claim: each row says how an idiom of the original is
 * written here, and a port done by that table must behave as the row says.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ExpressionParser, ExpressionSyntaxError, parseMetricMapping } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const table = readme.slice(readme.indexOf("## For Python readers"), readme.indexOf("## What a Python user"));
const yaml = `
cpu:
  name: cpu.usage
  unit: "%"
  conversion_expr: used / total * 100
broken:
  name: broken
  conversion_expr: "(("
`;

describe("For Python readers", () => {
  it("is there, with the rows below", () => {
    for (const name of ["tryParse", "mapping.get", "{ logger }", "evaluate({ name: value })", "`None`"])
      expect(table).toContain(name);
  });
  it("parse() throws where the original returned None; tryParse() gives undefined", () => {
    const parser = new ExpressionParser();
    expect(() => parser.parse("((")).toThrow(ExpressionSyntaxError);
    expect(parser.tryParse("((")).toBeUndefined();
  });
  it("variables are one plain object, not keyword arguments", () => {
    expect(new ExpressionParser().parse("a + b * 2").evaluate({ a: 1, b: 3 })).toBe(7);
  });
  it("a mapping is a Map: get() of a missing key is undefined, not a KeyError", () => {
    const warnings: string[] = [];
    const mapping = parseMetricMapping(yaml, { logger: { warn: (m: string) => warnings.push(m) } });
    expect(mapping).toBeInstanceOf(Map);
    expect(mapping.get("missing")).toBeUndefined();
    const cpu = mapping.get("cpu");
    expect([cpu?.name(), cpu?.unit(), cpu?.value({ used: 1, total: 4 })]).toEqual(["cpu.usage", "%", 25]);
    // keyword arguments → an options object: the logger given there got the unparsable expression's warning.
    expect(warnings.length).toBeGreaterThan(0);
  });
});
