import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMetricMapping, SimpleExpressionParser } from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README examples", () => {
  it("the opening example computes what it says", () => {
    const usage = new SimpleExpressionParser().parse("(used / total) * 100 if total != 0 else 0");
    expect(readme).toContain('parse("(used / total) * 100 if total != 0 else 0")');
    expect(usage.evaluate({ used: 5, total: 20 })).toBe(25);
    expect(usage.evaluate({ used: 5, total: 0 })).toBe(0);
  });

  it("the mapping file loads and converts as shown", () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const mapping = parseMetricMapping(yaml!, { logger: { warn: () => {} } });
    expect(mapping.get("cpu_usage")?.convert({ used: 5, total: 20 })).toBe(25);
    const memory = mapping.get("memory_mb")!;
    expect([memory.name(), memory.counter(), memory.value({ value: 2048 })]).toEqual(["memory", false, 2]);
    expect(mapping.get("bytes_in")!.counter()).toBe(true);
    expect(mapping.get("bytes_in")!.value({ value: "10" })).toBe("10");
  });
});
