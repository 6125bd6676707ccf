import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zodSchemasBuiltBy } from "../../../tooling/entry-imports/index.js";

// A provider agent run is often one short-lived process that calls a few operations, so importing the client
// builds no schema: each is built on its first use (core's lazySchema). Checked on the built dist, as installed.
const dist = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

describe("schemas are built on first use", () => {
  it.each(["index.js", "agent/index.js"])("importing %s builds no zod schema", (entry) => {
    expect(zodSchemasBuiltBy(dist(entry))).toBe(0);
  });

  // The entries export no schema: a context checks its options with one (so the counts above can see them).
  it("an operation builds the schemas it needs", () => {
    const makeContext = `mod.createWaldurContext({ baseUrl: "https://waldur.example/api/", token: "t" })`;
    expect(zodSchemasBuiltBy(dist("index.js"), makeContext)).toBeGreaterThan(0);
  });

  it("so does the agent's client", () => {
    const makeAgent = `mod.createAgent({ waldur: { baseUrl: "https://waldur.example/api/", token: "t" }, backend: {}, offerings: [] })`;
    expect(zodSchemasBuiltBy(dist("agent/index.js"), makeAgent)).toBeGreaterThan(0);
  });
});
