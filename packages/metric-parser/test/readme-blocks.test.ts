import { afterAll, describe, expect, it } from "vitest";
import { codeBlocks, readmeRunner } from "../../../tooling/readme-blocks/index.js";

// Every ```ts block of the README must run exactly as written (the package import pointed at src/), in a
// scratch directory so blocks that write files (mapping.yaml) leave nothing behind.
const blocks = codeBlocks(new URL("../README.md", import.meta.url));
const runner = readmeRunner({
  near: import.meta.url,
  imports: { "@meterkit/metric-parser": "../src/index.ts" },
});
afterAll(() => runner.close());

describe("README code blocks run as written", () => {
  it("has blocks", () => expect(blocks.length).toBeGreaterThan(0));
  blocks.forEach((code, index) => {
    it(`block ${index + 1}`, async () => {
      await runner.run(code);
    });
  });
});
