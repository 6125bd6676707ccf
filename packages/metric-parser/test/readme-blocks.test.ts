import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// Every ```ts block of the README must run exactly as written: each is written to a module
// (the package import pointed at src/), run in a scratch directory so blocks that write
// files (mapping.yaml) leave nothing behind.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const src = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "../src/index.ts")).href;
const scratch = mkdtempSync(path.join(tmpdir(), "mk-readme-"));
const here = process.cwd();
afterAll(() => {
  process.chdir(here);
  rmSync(scratch, { recursive: true, force: true });
});

describe("README code blocks run as written", () => {
  it("has blocks", () => expect(blocks.length).toBeGreaterThan(0));
  blocks.forEach((code, index) => {
    it(`block ${index + 1}`, async () => {
      const file = path.join(path.dirname(fileURLToPath(import.meta.url)), `.readme-block-${index + 1}.ts`);
      writeFileSync(file, code.replaceAll('"@meterkit/metric-parser"', JSON.stringify(src)));
      process.chdir(scratch);
      try {
        await import(pathToFileURL(file).href);
      } finally {
        process.chdir(here);
        rmSync(file, { force: true });
      }
    });
  });
});
