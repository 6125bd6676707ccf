import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { packagesOf, urlsLoadedBy } from "../../../tooling/entry-imports/index.js";

// yaml costs a fresh process ~35 ms of CPU and only a mapping file needs it (the built dist, as installed).
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("what the package's import loads", () => {
  it("no yaml until a mapping file is read", () => {
    const packages = packagesOf(urlsLoadedBy(entry));
    expect(packages).toContain("jsep"); // the check sees the package's dependencies
    expect(packages).not.toContain("yaml");
  });
});
