import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zodSchemasBuiltBy } from "../../../tooling/entry-imports/index.js";

// A CLI command or a fresh process's one call uses one or two operations, so importing the client builds no
// schema: each is built on its first use (core's lazySchema). Checked on the built dist, as installed.
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("schemas are built on first use", () => {
  it("importing the package builds no zod schema", () => {
    expect(zodSchemasBuiltBy(entry)).toBe(0);
  });

  it("an operation's input check builds the schemas it needs (so the count above can see them)", () => {
    // The index exports no schema: listEntities checks its input before it touches the context, so an empty
    // input is refused (a rejected promise) without a request, having built the input schemas.
    expect(zodSchemasBuiltBy(entry, "await mod.listEntities(null, {}).catch(() => {})")).toBeGreaterThan(0);
  });
});
