import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { packagesOf, urlsLoadedBy } from "../../../tooling/entry-imports/index.js";

// A connector is one short-lived process, so what the main entry loads is paid on every invocation: zod alone
// costs a fresh process ~50 ms of CPU, and only the option schemas need it (the built dist, as installed).
const dist = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

describe("what each entry point loads", () => {
  it("the main entry loads no zod", () => {
    expect(packagesOf(urlsLoadedBy(dist("index.js")))).not.toContain("zod");
  });

  it("the schemas entry does (so the check above can see it)", () => {
    expect(packagesOf(urlsLoadedBy(dist("schemas/index.js")))).toContain("zod");
  });
});
