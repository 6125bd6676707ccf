/**
 * The page guard never changes what a list yields: for every list schema and a few thousand items (valid
 * ones, and each field and nested field set to values of every JSON kind), the page schema's answer is
 * zod's, value and issues alike; the guard accepts only what zod accepts unchanged; and it still does
 * without generated code (`z.config({ jitless: true })`).
 */
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { OrderSchema } from "../src/schemas/order.js";
import { guardOf, pageSchema } from "../src/schemas/page-schema.js";
import { ResourceSchema } from "../src/schemas/resource.js";
import { SshKeySchema } from "../src/schemas/ssh-key.js";
import { UserSchema } from "../src/schemas/user.js";

const LISTS = { ResourceSchema, UserSchema, OrderSchema, SshKeySchema } as Record<string, z.ZodType>;

/** A value every part of `schema` accepts, all optional fields filled in. */
function sample(schema: z.ZodType): unknown {
  type Def = Record<string, unknown> & { type: string };
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case "string":
      return "s";
    case "boolean":
      return true;
    case "number":
      return 7;
    case "unknown":
      return { any: ["thing"] };
    case "undefined":
      return undefined;
    case "optional":
    case "nullable":
      return sample(def.innerType as z.ZodType);
    case "union":
      return sample((def.options as z.ZodType[])[0] as z.ZodType);
    case "array":
      return [sample(def.element as z.ZodType)];
    case "record":
      return { cpu: sample(def.valueType as z.ZodType) };
    case "object":
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>).map(([k, v]) => [k, sample(v)]),
      );
    case "enum":
      return Object.values(def.entries as object)[0];
    default:
      throw new Error(`no sample for ${def.type}`);
  }
}

const KINDS: unknown[] = [
  "text",
  "",
  0,
  -1.5,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  null,
  undefined,
  [],
  ["a"],
  [{ header: "h", body: 1 }],
  {},
  { cpu: "1.5" },
  { cpu: true },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"cpu": "1", "__proto__": "2"}'),
];

/** The valid sample, `{}`, an own `__proto__`, and every field (and every nested field) set to each kind. */
function variants(schema: z.ZodType): unknown[] {
  const base = sample(schema) as Record<string, unknown>;
  const out: unknown[] = [
    base,
    {},
    { ...base, extra: { kept: 1 } },
    JSON.parse('{"__proto__": 1}'),
    null,
    [],
  ];
  for (const key of Object.keys(base)) {
    for (const kind of KINDS) out.push({ ...base, [key]: kind });
    const { [key]: _, ...without } = base;
    out.push(without);
    const inner = base[key];
    const nested = Array.isArray(inner) ? inner[0] : inner;
    if (nested && typeof nested === "object" && !Array.isArray(nested)) {
      for (const k of Object.keys(nested)) {
        for (const kind of KINDS) {
          const changed = { ...nested, [k]: kind };
          out.push({ ...base, [key]: Array.isArray(inner) ? [changed] : changed });
        }
      }
    }
  }
  return out;
}

function agreesWithZod(schema: z.ZodType): number {
  const array = z.array(schema);
  const guard = guardOf(array);
  expect(guard).toBeTypeOf("function");
  const page = pageSchema(schema);
  let accepted = 0;
  for (const item of variants(schema)) {
    const zod = array.safeParse([item]);
    if (guard?.([item])) {
      accepted++;
      expect(zod.success, JSON.stringify(item)).toBe(true);
      expect(zod.data).toStrictEqual([item]);
    }
    const ours = page.safeParse([item]);
    expect(ours.success).toBe(zod.success);
    if (zod.success) expect(ours.data).toStrictEqual(zod.data);
    else expect(ours.error?.issues).toEqual(zod.error.issues);
  }
  return accepted;
}

describe("page schema", () => {
  afterEach(() => {
    z.config({ jitless: false });
  });

  it.each(Object.keys(LISTS))("%s: the same answer as zod for every variant", (name) => {
    const accepted = agreesWithZod(LISTS[name] as z.ZodType);
    // The guard is a fast path, not a stub: the valid items do take it.
    expect(accepted).toBeGreaterThan(10);
  });

  it("agrees with zod without generated code too", () => {
    z.config({ jitless: true });
    for (const schema of Object.values(LISTS)) {
      const guard = guardOf(z.array(schema));
      for (const item of variants(schema)) {
        if (guard?.([item])) expect(z.array(schema).safeParse([item]).data).toStrictEqual([item]);
      }
      expect(guard?.([sample(schema)])).toBe(true);
    }
  });

  it.each([
    ["a string with a check", z.string().min(1)],
    ["a stripping object", z.object({ a: z.string() })],
    ["a strict object", z.strictObject({ a: z.string() })],
    ["a transform", z.string().transform((s) => s.length)],
    ["a default", z.string().default("x")],
    ["a refinement", z.number().refine((n) => n > 0)],
    ["a key Object.prototype has", z.looseObject({ toString: z.string() })],
    ["a record with checked keys", z.record(z.string().min(2), z.string())],
  ])("leaves %s to zod", (_, schema) => {
    expect(guardOf(z.looseObject({ field: schema as z.ZodType }))).toBeUndefined();
  });

  it("hands a page with an invalid item to zod, whose issues name it", () => {
    const result = pageSchema(ResourceSchema).safeParse([{ uuid: "a" }, { uuid: 5 }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1, "uuid"]);
  });
});
