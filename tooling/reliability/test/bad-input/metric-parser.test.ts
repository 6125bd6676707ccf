/**
 * The metric parser under 1,000,000 generated expressions (grammar-based, mutated and random), split over
 * two worker threads: only the package's typed errors, nothing resolved through a prototype or a global,
 * `Object.prototype` and `globalThis` unchanged. `MK_PARSER_FUZZ_COUNT` overrides the total for local runs.
 */
import { Worker } from "node:worker_threads";
import { ExpressionParser, SimpleExpressionParser } from "@meterkit/metric-parser";
import { describe, expect, it } from "vitest";

const TOTAL = Number(process.env.MK_PARSER_FUZZ_COUNT ?? 1_000_000);
const WORKERS = 2;
const SEED = Number(process.env.MK_PARSER_FUZZ_SEED ?? 20261125);

interface Report {
  stats: {
    expressions: number;
    parses: number;
    parsed: number;
    syntaxErrors: number;
    evaluated: number;
    evalErrors: number;
    missingVariables: number;
    untyped: number;
    dangerousResolved: number;
    maxMs: number;
    byKind: Record<string, number>;
  };
  examples: unknown[];
  trapped: number;
  protoChanged: boolean;
  globalsChanged: boolean;
}

function run(seed: number, count: number): Promise<Report> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("../../src/bad-input/parser-fuzz-worker.mjs", import.meta.url), {
      workerData: { seed, count },
    });
    worker.once("message", (report: Report) => {
      resolve(report);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

describe("@meterkit/metric-parser: generated expressions", () => {
  it(`${TOTAL.toLocaleString("en")} expressions: typed errors only, no prototype or global reached`, async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const share = Math.ceil(TOTAL / WORKERS);
    const started = performance.now();
    const reports = await Promise.all(
      Array.from({ length: WORKERS }, (_, i) => run(SEED + i, Math.min(share, TOTAL - i * share))),
    );
    const seconds = (performance.now() - started) / 1000;
    const sum = (key: keyof Report["stats"]) => reports.reduce((n, r) => n + Number(r.stats[key]), 0);
    const kinds: Record<string, number> = {};
    for (const r of reports)
      for (const [k, v] of Object.entries(r.stats.byKind)) kinds[k] = (kinds[k] ?? 0) + v;
    console.log(
      [
        "\nbad input: @meterkit/metric-parser (fuzz)",
        `expressions ${sum("expressions")}, parses ${sum("parses")} (all four parsers), parsed ${sum("parsed")}, evaluated ${sum("evaluated")}`,
        `typed errors by code: ${JSON.stringify(kinds)}`,
        `untyped throws ${sum("untyped")}, dangerous names resolved ${sum("dangerousResolved")}, prototype getter hits ${reports.reduce((n, r) => n + r.trapped, 0)}`,
        `slowest single parse+evaluate ${Math.max(...reports.map((r) => r.stats.maxMs)).toFixed(1)} ms; wall ${seconds.toFixed(1)} s on ${WORKERS} workers (observed, not asserted)`,
        "",
      ].join("\n"),
    );
    expect(sum("expressions")).toBe(TOTAL);
    expect(
      reports.flatMap((r) => r.examples),
      "inputs that threw an untyped error or resolved a dangerous name",
    ).toEqual([]);
    expect(sum("untyped")).toBe(0);
    expect(sum("dangerousResolved")).toBe(0);
    for (const r of reports) {
      expect(r.trapped, "a lookup fell through to Object.prototype").toBe(0);
      expect(r.protoChanged, "Object.prototype changed in the worker").toBe(false);
      expect(r.globalsChanged, "globalThis changed in the worker").toBe(false);
    }
    // Both grammars were really exercised: the run is not a million syntax errors.
    expect(sum("parsed")).toBeGreaterThan(TOTAL / 20);
    expect(kinds.VARIABLE_LOOKUP ?? 0).toBeGreaterThan(0);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it.each(["constructor", "__proto__", "toString", "process", "globalThis", "hasOwnProperty", "valueOf"])(
    "%s is a missing variable, even on a plain object that inherits it",
    (name) => {
      for (const parser of [new ExpressionParser(), new SimpleExpressionParser()]) {
        const parsed = parser.tryParse(`${name} + 1`);
        if (!parsed) continue; // not an identifier in this grammar: refused at parse time, which is fine
        expect(() => parsed.evaluate({})).toThrowError(expect.objectContaining({ code: "VARIABLE_LOOKUP" }));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    },
  );
});
