import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zodSchemasBuiltBy } from "../../../tooling/entry-imports/index.js";

// A CLI command or a fresh process's one call uses one or two schemas, so importing the client builds none:
// each is built on its first use (core's lazySchema). Checked on the built dist, as installed.
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("schemas are built on first use", () => {
  it("importing the package builds no zod schema", () => {
    expect(zodSchemasBuiltBy(entry)).toBe(0);
  });

  it("a parse builds the schemas it needs (so the count above can see them)", () => {
    expect(zodSchemasBuiltBy(entry, "mod.PartyCreateSchema.safeParse({})")).toBeGreaterThan(0);
  });
});
