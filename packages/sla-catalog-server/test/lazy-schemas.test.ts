import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { zodSchemasBuiltBy } from "../../../tooling/entry-imports/index.js";
import { ADMIN_SEED, ADMIN_TOKEN } from "./fixtures.js";

// A replica, a test or a `token create` is a fresh process that waits for its start, so importing the server
// builds no schema: each request body's is built by the first request that checks one (core's lazySchema),
// and the OpenAPI document builds them all when it is first asked for. Checked on the built dist, as installed.
const dist = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));

describe("schemas are built on first use", () => {
  // cli/main.js runs the program when imported; cli/program.js is all it imports besides core's runner.
  it.each(["index.js", "cli/program.js"])("importing %s builds no zod schema", (entry) => {
    expect(zodSchemasBuiltBy(dist(entry))).toBe(0);
  });

  it("nor does a start (migrations on the embedded engine) and a first authenticated read", () => {
    const startAndRead = `
const server = await mod.startSlaCatalog(${JSON.stringify(ADMIN_SEED)});
const res = await fetch(server.url + "/parties", { headers: { authorization: "Bearer ${ADMIN_TOKEN}" } });
if (res.status !== 200) throw new Error("GET /parties answered " + res.status);
await server.close()`;
    expect(zodSchemasBuiltBy(dist("index.js"), startAndRead)).toBe(0);
  }, 60_000);

  it("a request body's check builds the schemas it needs (so the counts above can see them)", () => {
    // The entry exports no schema: this is the module the server loaded for its party routes.
    const parties = JSON.stringify(pathToFileURL(dist("resources/parties.js")).href);
    const check = `(await import(${parties})).PartyCreate.safeParse({ name: "" })`;
    expect(zodSchemasBuiltBy(dist("index.js"), check)).toBeGreaterThan(0);
  });
});
