import { describe, expect, it } from "vitest";
import { GLOBALS } from "../src/cli/globals.js";
import { TOOLS } from "../src/cli/tools.js";
import { readSeed } from "./support/service.js";

interface SeedFlag {
  flag: string;
  mandatory: boolean;
  hasDefault: boolean;
  line: string;
}

/** Each tool section of the seed: its name and the flags listed under "Parameters". */
function seedTools(seed: string): Map<string, SeedFlag[]> {
  const tools = new Map<string, SeedFlag[]>();
  const sections = seed.split(/\n(?=[A-Z][\w*]+\s*\n\s*\nDescription)/);
  for (const section of sections.slice(1)) {
    const name = (section.split("\n")[0] ?? "").trim();
    const params = /\nParameters\n([\s\S]*?)\nReturn Value/.exec(section)?.[1] ?? "";
    const flags = [...params.matchAll(/^\s*(?:•\s*)?-(\w+)\s+(?:arg\b|<arg>)(.*)$/gm)].map((m) => ({
      flag: m[1] as string,
      mandatory: /\(mandatory\)/i.test(m[2] ?? ""),
      hasDefault: /default/i.test(m[2] ?? ""),
      line: (m[0] ?? "").trim(),
    }));
    tools.set(name, flags);
  }
  return tools;
}

const SEED = seedTools(readSeed());

describe("the seed's flags are the CLI's contract", () => {
  it("finds the 15 tool sections of the seed", () => {
    expect([...SEED.keys()]).toHaveLength(15);
    expect(SEED.get("AddVariableFee")?.map((f) => f.flag)).toEqual([
      "c",
      "cond",
      "condd",
      "condv",
      "d",
      "f",
      "p",
      "q",
      "t",
      "u",
      "v",
    ]);
    // Only GetProductList has no parameters ("none"); an empty list elsewhere would mean the parser missed them.
    for (const [name, flags] of SEED)
      if (name !== "GetProductList") expect(flags.length, name).toBeGreaterThan(0);
  });

  for (const [name, flags] of SEED) {
    const tools = name.includes("*")
      ? TOOLS.filter((t) => t.name.startsWith(name.replace(/\*.*$/, "")))
      : TOOLS.filter((t) => t.name === name);
    it(`${name}: every seed flag exists with its mandatory mark and a default where the seed gives one`, () => {
      expect(tools.length, name).toBeGreaterThan(0);
      for (const tool of tools) {
        for (const seedFlag of flags) {
          const global = GLOBALS.find((g) => g.name === seedFlag.flag);
          if (global) {
            expect(global.defaultText !== undefined, seedFlag.line).toBe(seedFlag.hasDefault);
            continue;
          }
          const spec = tool.flags.find((f) => f.flag === seedFlag.flag);
          expect(spec, `${tool.name} lacks -${seedFlag.flag} (${seedFlag.line})`).toBeDefined();
          if (seedFlag.mandatory)
            expect(spec?.mandatory, `${tool.name} -${seedFlag.flag} must be mandatory`).toBe(true);
          if (seedFlag.hasDefault)
            expect(spec?.default, `${tool.name} -${seedFlag.flag} needs its default`).toBeDefined();
        }
      }
    });
  }
});
