/**
 * One cheap pass over a list page before zod. zod's loose objects copy every item key by key (and their
 * unknown keys one call each), which cost a 100,000-item walk more CPU than reading the JSON. The response
 * schemas here transform nothing, so an item zod accepts comes out equal to what went in: a guard compiled
 * once from the zod schema can say "zod would accept this unchanged" and hand the parsed JSON on as it is.
 * Anything the guard does not say yes to (a wrong type, a `__proto__` key zod would drop, a schema part it
 * does not model) goes through zod exactly as before, so the accepted values and the issues reported are
 * zod's. The one visible difference: an accepted item keeps the server's key order.
 */
import { z } from "zod";

type Guard = (value: unknown) => boolean;

/** A compiled part: its test, and for leaves the same test as a JS expression over a variable (inlined). */
interface Part {
  test: Guard;
  expr?: (x: string) => string;
}

/** The parts of a zod v4 schema definition the guard reads. */
interface Def {
  type: string;
  checks?: readonly { _zod: { def: { check?: string; format?: string } } }[];
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: readonly unknown[];
}

/** Definition keys each supported type may have; any other key (a mode, a default, an error map…) is not modelled. */
const KEYS: Record<string, readonly string[]> = {
  string: ["type"],
  boolean: ["type"],
  number: ["type", "checks"],
  unknown: ["type"],
  any: ["type"],
  undefined: ["type"],
  null: ["type"],
  optional: ["type", "innerType"],
  nullable: ["type", "innerType"],
  union: ["type", "options"],
  array: ["type", "element"],
  record: ["type", "keyType", "valueType"],
  object: ["type", "shape", "catchall"],
  enum: ["type", "entries"],
  literal: ["type", "values"],
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const hasOwn = Object.prototype.hasOwnProperty;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
// Objects' field checks are generated code, as zod's own objects are, unless zod is told not to
// (`z.config({ jitless: true })`) or the runtime forbids it (a CSP): then a loop over closures, 5× slower.
const canGenerate = () => z.config().jitless !== true && z.core.util.allowsEval.value;

/**
 * A function true only for values `schema` accepts and returns unchanged, or `undefined` when the schema has
 * a part it does not model (checks other than `.int()`, transforms, defaults, strict or stripping objects…).
 * @internal
 */
export function guardOf(schema: z.ZodType): Guard | undefined {
  return partOf(schema)?.test;
}

function partOf(schema: z.ZodType): Part | undefined {
  const def = defOf(schema);
  const allowed = KEYS[def.type];
  if (!allowed || Object.keys(def).some((k) => !allowed.includes(k))) return undefined;
  switch (def.type) {
    case "string":
      return leaf(
        (v) => typeof v === "string",
        (x) => `typeof ${x} === "string"`,
      );
    case "boolean":
      return leaf(
        (v) => typeof v === "boolean",
        (x) => `typeof ${x} === "boolean"`,
      );
    case "number":
      return numberPart(def.checks ?? []);
    case "unknown":
    case "any":
      return leaf(
        () => true,
        () => "true",
      );
    case "undefined":
      return leaf(
        (v) => v === undefined,
        (x) => `${x} === undefined`,
      );
    case "null":
      return leaf(
        (v) => v === null,
        (x) => `${x} === null`,
      );
    case "optional":
    case "nullable":
      return orPart(def.type === "optional" ? undefined : null, def.innerType as z.ZodType);
    case "union":
      return unionPart(def.options ?? []);
    case "array":
      return arrayPart(def.element as z.ZodType);
    case "record":
      return recordPart(def.keyType as z.ZodType, def.valueType as z.ZodType);
    case "object":
      return objectPart(def.shape ?? {}, def.catchall);
    case "enum":
    case "literal": {
      const values = def.type === "enum" ? Object.values(def.entries ?? {}) : (def.values ?? []);
      // Only primitives compare by value the way zod's lookups do.
      if (!values.every((x) => typeof x === "string" || typeof x === "boolean" || x === null))
        return undefined;
      const set = new Set<unknown>(values);
      return { test: (v) => set.has(v) };
    }
    default:
      return undefined;
  }
}

const leaf = (test: Guard, expr: (x: string) => string): Part => ({ test, expr });

function numberPart(checks: NonNullable<Def["checks"]>): Part | undefined {
  if (checks.length === 0)
    return leaf(
      (v) => typeof v === "number" && Number.isFinite(v),
      (x) => `(typeof ${x} === "number" && Number.isFinite(${x}))`,
    );
  const only = checks.length === 1 ? checks[0]?._zod.def : undefined;
  if (only?.check === "number_format" && only.format === "safeint")
    return leaf(
      (v) => Number.isSafeInteger(v),
      (x) => `Number.isSafeInteger(${x})`,
    );
  return undefined;
}

/** `.optional()` (`value` undefined) or `.nullable()` (`value` null) around `inner`. */
function orPart(value: undefined | null, innerType: z.ZodType): Part | undefined {
  const inner = partOf(innerType);
  if (!inner) return undefined;
  const test = inner.test;
  const literal = value === undefined ? "undefined" : "null";
  const expr = inner.expr;
  return {
    test: (v) => v === value || test(v),
    ...(expr ? { expr: (x: string) => `(${x} === ${literal} || ${expr(x)})` } : {}),
  };
}

function unionPart(options: readonly z.ZodType[]): Part | undefined {
  const parts = options.map(partOf);
  if (parts.length === 0 || parts.some((p) => p === undefined)) return undefined;
  const all = parts as Part[];
  const tests = all.map((p) => p.test);
  const exprs = all.map((p) => p.expr);
  return {
    test: (v) => {
      for (const t of tests) if (t(v)) return true;
      return false;
    },
    ...(exprs.every((e) => e !== undefined)
      ? { expr: (x: string) => `(${exprs.map((e) => e(x)).join(" || ")})` }
      : {}),
  };
}

function arrayPart(element: z.ZodType): Part | undefined {
  const item = partOf(element)?.test;
  if (!item) return undefined;
  return {
    test: (v) => {
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
      return true;
    },
  };
}

function recordPart(keyType: z.ZodType, valueType: z.ZodType): Part | undefined {
  // Only `z.record(z.string(), …)`: every own key is then valid, so only the values need a look.
  const key = defOf(keyType);
  const value = partOf(valueType)?.test;
  if (key.type !== "string" || Object.keys(key).length !== 1 || !value) return undefined;
  return {
    test: (v) => {
      // zod's record wants a plain object and drops an own `__proto__`: leave both cases to zod.
      if (!isObject(v) || Object.getPrototypeOf(v) !== Object.prototype || hasOwn.call(v, "__proto__"))
        return false;
      for (const k in v) if (!value(v[k])) return false;
      return true;
    },
  };
}

function objectPart(shape: Record<string, z.ZodType>, catchall: z.ZodType | undefined): Part | undefined {
  // Loose objects only (catchall `unknown`: extra keys kept as they are); a stripping or strict object would
  // change or reject the item, and a key Object.prototype has would read through to it.
  if (!catchall || defOf(catchall).type !== "unknown") return undefined;
  const keys = Object.keys(shape);
  if (Object.getOwnPropertySymbols(shape).length > 0 || keys.some((k) => k in Object.prototype))
    return undefined;
  const parts = keys.map((k) => partOf(shape[k] as z.ZodType));
  if (parts.some((p) => p === undefined)) return undefined;
  const fields = parts as Part[];
  if (canGenerate()) return { test: generatedObject(keys, fields) };
  const tests = fields.map((f) => f.test);
  const n = keys.length;
  return {
    test: (v) => {
      if (!isObject(v) || hasOwn.call(v, "__proto__")) return false;
      for (let i = 0; i < n; i++) if (!(tests[i] as Guard)(v[keys[i] as string])) return false;
      return true;
    },
  };
}

/**
 * The object check as one function: each field read by a literal key, leaves inlined, other parts called
 * as `t[i]`. Keys go in as JSON string literals, so no key can inject code.
 */
function generatedObject(keys: readonly string[], fields: readonly Part[]): Guard {
  const lines = [
    "if (typeof v !== 'object' || v === null || Array.isArray(v) || hasOwn.call(v, '__proto__')) return false;",
    "let x;",
  ];
  keys.forEach((key, i) => {
    const expr = fields[i]?.expr;
    lines.push(`x = v[${JSON.stringify(key)}];`, `if (!(${expr ? expr("x") : `t[${i}](x)`})) return false;`);
  });
  lines.push("return true;");
  const make = new Function("t", "hasOwn", `return function check(v) {\n${lines.join("\n")}\n};`);
  return make(
    fields.map((f) => f.test),
    hasOwn,
  ) as Guard;
}

const pageSchemas = new WeakMap<z.ZodType, PageSchema<unknown>>();

/** What core's `paginate` accepts as a page schema: zod's `safeParse` shape. @internal */
export interface PageSchema<T> {
  safeParse(input: unknown): ReturnType<z.ZodType<T[]>["safeParse"]>;
}

/**
 * The schema of a list page of `item`s: the compiled guard first, `z.array(item)` for everything it does not
 * accept (so every issue is zod's). Built once per item schema.
 * @internal
 */
export function pageSchema<T>(item: z.ZodType<T>): PageSchema<T> {
  const cached = pageSchemas.get(item);
  if (cached) return cached as PageSchema<T>;
  const array = z.array(item);
  const guard = guardOf(array);
  const schema: PageSchema<T> = guard
    ? {
        safeParse: (input) => (guard(input) ? { success: true, data: input as T[] } : array.safeParse(input)),
      }
    : array;
  pageSchemas.set(item, schema as PageSchema<unknown>);
  return schema;
}
