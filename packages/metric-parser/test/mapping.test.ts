import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadMetricMapping, MetricMappingError, ParsedEntry, parseMetricMapping } from "../src/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "metric-mapping-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const YAML = `cpu_usage:
  name: cpu.usage
  unit: "%"
  counter: no
  conversion_expr: (used / total) * 100 if total != 0 else 0
bytes_in:
  name: net.bytes_in
  unit: B
  counter: yes
broken:
  conversion_expr: value *
`;

describe("loadMetricMapping", () => {
  it("loads a file by path or URL, converts values and warns about unparsable conversions", () => {
    const file = path.join(dir, "mapping.yaml");
    writeFileSync(file, YAML);
    const warnings: string[] = [];
    const mapping = loadMetricMapping(file, { logger: { warn: (m) => warnings.push(m) } });
    expect([...mapping.keys()]).toEqual(["cpu_usage", "bytes_in", "broken"]);
    const cpu = mapping.get("cpu_usage")!;
    expect([cpu.name(), cpu.unit(), cpu.counter()]).toEqual(["cpu.usage", "%", false]);
    expect(cpu.convert({ used: 5, total: 20 })).toBe(25);
    expect(mapping.get("bytes_in")!.counter()).toBe(true);
    expect(mapping.get("bytes_in")!.value({ value: "10" })).toBe("10");
    expect(mapping.get("broken")!.conversion).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Failed to parse "value *"');
    expect(loadMetricMapping(pathToFileURL(file), { logger: { warn: () => {} } }).size).toBe(3);
  });

  it("reports an unreadable file, invalid YAML and a wrong shape as MetricMappingError", () => {
    const problem = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof MetricMappingError) return error.problem;
        throw error;
      }
      return "none";
    };
    expect(problem(() => loadMetricMapping(path.join(dir, "missing.yaml")))).toBe("unreadable");
    expect(problem(() => parseMetricMapping("m: ["))).toBe("yaml-syntax");
    expect(problem(() => parseMetricMapping("- a\n"))).toBe("not-a-mapping");
    expect(problem(() => parseMetricMapping("m: foo\n"))).toBe("entry-not-a-mapping");
    expect(problem(() => parseMetricMapping("m:\n  conversion_expr: 10\n"))).toBe("expression-not-a-string");
  });

  it("ParsedEntry defaults match the original", () => {
    const entry = new ParsedEntry();
    expect([entry.name(), entry.unit(), entry.counter(), entry.specialisation()]).toEqual([
      "",
      "",
      false,
      "",
    ]);
    expect(entry.value({ value: 7 })).toBe(7);
  });
});

describe("YAML strictness matches PyYAML safe_load", () => {
  it("refuses unknown tags, unhashable keys, undefined aliases and several documents", () => {
    for (const yaml of [
      "m: !!python/name:os.system x\n",
      "? [a]\n: {}\n",
      "m: *nope\n",
      "a: {}\n---\nb: {}\n",
    ]) {
      expect(() => parseMetricMapping(yaml), yaml).toThrow(MetricMappingError);
    }
  });
});
