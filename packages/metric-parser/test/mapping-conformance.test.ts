import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  loadMetricMapping,
  type MetricMapping,
  MetricMappingError,
  VariableLookupError,
} from "../src/index.js";
import { decode, errorClasses, readVectors, sameValue } from "./vectors.js";

interface Evaluation {
  key: unknown;
  method: "value" | "convert";
  kwargs: Record<string, unknown>;
  ok: boolean;
  expected: unknown;
}
interface MappingVector {
  yaml: string;
  ok: boolean;
  note?: string;
  expected:
    | { entries: Record<string, unknown>[]; evaluations: Evaluation[] }
    | { error: string; mro: string[]; message: string };
}

const dir = mkdtempSync(path.join(tmpdir(), "metric-mapping-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checkEntries(mapping: MetricMapping, expected: Record<string, unknown>[]): string | undefined {
  const actual = [...mapping].map(([key, e]) => [
    key,
    e.name(),
    e.unit(),
    e.counter(),
    e.specialisation(),
    e.conversion !== undefined,
  ]);
  const wanted = expected.map((e) =>
    ["key", "name", "unit", "counter", "specialisation", "has_conversion"].map((f) => decode(e[f])),
  );
  if (actual.length !== wanted.length) return `${actual.length} entries, expected ${wanted.length}`;
  for (let i = 0; i < actual.length; i++) {
    for (let f = 0; f < 6; f++) {
      if (!sameValue(actual[i]![f], wanted[i]![f], 0)) {
        return `entry ${i} field ${f}: ${String(actual[i]![f])} != ${JSON.stringify(expected[i])}`;
      }
    }
  }
  return undefined;
}

function checkEvaluation(mapping: MetricMapping, ev: Evaluation): string | undefined {
  const entry = mapping.get(decode(ev.key));
  if (entry === undefined) return `no entry ${String(ev.key)}`;
  const ulps = entry.conversion?.source.includes("^") ? 1 : 0;
  try {
    const actual = entry[ev.method](decode(ev.kwargs) as Record<string, unknown>);
    if (!ev.ok) return `${ev.method} gave ${String(actual)}, expected an error`;
    return sameValue(actual, decode(ev.expected), ulps)
      ? undefined
      : `${String(actual)} != ${JSON.stringify(ev.expected)}`;
  } catch (error) {
    if (ev.ok) return `threw ${String(error)}`;
    const cls = errorClasses[(ev.expected as { error: string }).error];
    if (cls === undefined || !(error instanceof cls))
      return `threw ${String(error)}, expected ${JSON.stringify(ev.expected)}`;
    return undefined;
  }
}

function check(v: MappingVector, index: number): string | undefined {
  const file = path.join(dir, `mapping-${index}.yaml`);
  writeFileSync(file, v.yaml);
  const warnings: string[] = [];
  const logger = { warn: (m: string) => warnings.push(m) };
  let mapping: MetricMapping;
  try {
    mapping = loadMetricMapping(file, { logger });
  } catch (error) {
    if (v.ok) return `load threw ${String(error)}`;
    if (!(error instanceof MetricMappingError))
      return `load threw ${String(error)}, not a MetricMappingError`;
    const yamlError = "mro" in v.expected && v.expected.mro.includes("YAMLError");
    return yamlError === (error.problem === "yaml-syntax")
      ? undefined
      : `problem ${error.problem} for ${JSON.stringify(v.expected)}`;
  }
  if (!v.ok || !("entries" in v.expected)) return "loaded, but the original fails";
  const viaText = loadMetricMapping({ yaml: v.yaml }, { logger: { warn: () => {} } });
  if (viaText.size !== mapping.size) return "text and file loads differ";
  return (
    checkEntries(mapping, v.expected.entries) ??
    v.expected.evaluations.map((ev) => checkEvaluation(mapping, ev)).find((p) => p !== undefined)
  );
}

describe("metric_mapping.json conformance", () => {
  const file = readVectors<MappingVector>("metric_mapping.json");

  it("has the vector count its header declares", () => {
    expect(file.vectors.length).toBe(file.count);
    expect(file.vectors.length).toBeGreaterThan(0);
  });

  it(`every mapping file and evaluation matches the original (${file.vectors.length} files)`, () => {
    const failures: string[] = [];
    file.vectors.forEach((v, i) => {
      const problem = check(v, i);
      if (problem !== undefined)
        failures.push(`#${i} ${v.note ?? ""} ${JSON.stringify(v.yaml).slice(0, 120)}: ${problem}`);
    });
    expect(failures.slice(0, 30)).toEqual([]);
    expect(failures.length).toBe(0);
  });

  it("a missing value without conversion is a VariableLookupError naming `value`", () => {
    const mapping = loadMetricMapping({ yaml: "m: {}\n" });
    expect(() => mapping.get("m")!.value({})).toThrow(VariableLookupError);
  });
});
