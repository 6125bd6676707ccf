import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOnce, lazySchema } from "../src/index.js";

/** A lazy object schema and how many times its builder ran. */
function counted() {
  let builds = 0;
  const schema = lazySchema(() => {
    builds++;
    return z.object({ id: z.string(), size: z.number().int().optional() });
  });
  return { schema, builds: () => builds };
}

describe("lazySchema", () => {
  it("builds nothing until used, then once", () => {
    const { schema, builds } = counted();
    expect(builds()).toBe(0);
    expect(schema.parse({ id: "a", size: 1 })).toEqual({ id: "a", size: 1 });
    expect(schema.safeParse({ id: 1 }).success).toBe(false);
    expect(builds()).toBe(1);
  });

  it("is the schema for zod: instanceof, shape, extend, infer, issues", () => {
    const { schema } = counted();
    expect(schema).toBeInstanceOf(z.ZodObject);
    expect(schema).toBeInstanceOf(z.ZodType);
    expect(Object.keys(schema.shape)).toEqual(["id", "size"]);
    const wider = schema.extend({ name: z.string() });
    expect(wider.parse({ id: "a", name: "n" })).toEqual({ id: "a", name: "n" });
    const typed: z.infer<typeof schema> = { id: "x" };
    expect(schema.parse(typed)).toEqual(typed);
    const result = schema.safeParse({ id: 5, size: 1.5 });
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join("."))).toEqual(["id", "size"]);
  });

  it("works inside other schemas, lazy or not, and in JSON Schema", () => {
    const { schema, builds } = counted();
    const list = lazySchema(() => z.object({ items: z.array(schema) }));
    expect(builds()).toBe(0); // declaring the parent built neither
    expect(list.parse({ items: [{ id: "a" }, { id: "b", size: 2 }] }).items).toHaveLength(2);
    expect(() => z.array(schema).parse([{ id: 1 }])).toThrow(z.ZodError);
    expect(z.toJSONSchema(list)).toMatchObject({
      type: "object",
      properties: { items: { type: "array", items: { type: "object", required: ["id"] } } },
    });
    expect(builds()).toBe(1);
  });

  it("converts to the same JSON Schema as the schema itself, wrappers (optional, default, pipe) too", () => {
    const builders: Record<string, () => z.ZodType> = {
      optional: () => z.union([z.string(), z.number()]).optional(),
      withDefault: () => z.string().default("x"),
      piped: () => z.string().pipe(z.string().min(1)),
    };
    const parent = (make: (build: () => z.ZodType) => z.ZodType) =>
      z.object(Object.fromEntries(Object.entries(builders).map(([key, build]) => [key, make(build)])));
    for (const build of Object.values(builders)) {
      expect(z.toJSONSchema(lazySchema(build))).toEqual(z.toJSONSchema(build()));
    }
    expect(z.toJSONSchema(parent(lazySchema))).toEqual(z.toJSONSchema(parent((build) => build())));
  });

  it("keeps detached members working (zod binds them to the real schema)", () => {
    const { schema } = counted();
    const { parse } = schema;
    expect(parse({ id: "a" })).toEqual({ id: "a" });
    expect(schema.optional().parse(undefined)).toBeUndefined();
  });

  it("answers reflection through the real schema", () => {
    const { schema } = counted();
    expect("_zod" in schema).toBe(true);
    expect(Object.getPrototypeOf(schema)).toBe(Object.getPrototypeOf(z.object({})));
    expect(inspect(schema)).toContain("ZodObject");
    expect(Object.isExtensible(schema)).toBe(true);
    expect(Object.preventExtensions.bind(null, schema)).toThrow(TypeError);
  });
});

describe("buildOnce", () => {
  it("builds on the first call only and returns the same object after", () => {
    let builds = 0;
    const row = buildOnce(() => {
      builds++;
      return z.object({ id: z.number() });
    });
    expect(builds).toBe(0);
    const rows = z.array(row());
    expect(row()).toBe(row());
    expect(rows.parse([{ id: 1 }])).toEqual([{ id: 1 }]);
    expect(builds).toBe(1);
  });
});
