/**
 * Schemas built on first use. A client module declares dozens of zod schemas at its top level, and building
 * them is most of what importing a client costs once its code is compiled: a CLI command, a fresh process
 * that calls one operation, would build every operation's schemas to use one or two.
 */

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * `build()`'s result, built by the first call and returned by every later one. For the parts that a
 * module's schema builders share (a field type, a row shape): they hold the real schema, so no proxy is on
 * the path that every parsed item takes, and they are still built only when a schema that uses them is.
 * @example
 * ```ts
 * const row = buildOnce(() => z.looseObject({ id: z.number(), name: z.string() }));
 * export const Row = lazySchema(row);
 * export const Rows = lazySchema(() => z.array(row()));
 * ```
 * @public
 */
export function buildOnce<T>(build: () => T): () => T {
  let built: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      built = build();
      done = true;
    }
    return built as T;
  };
}

/**
 * `build()`'s result, built the first time anything reads it: a parse, a property, `instanceof`, or use
 * inside another schema. It stands for the real object everywhere (a proxy forwarding every operation to
 * it), so a zod schema declared this way keeps its exact type and API (`.shape`, `.extend()`, `z.infer`);
 * `build` runs at most once. Declare the schemas a module exports this way, and build the parts they share
 * inside the builders, so that importing the module builds nothing.
 * @example
 * ```ts
 * export const Service = lazySchema(() => z.object({ service_id: z.string(), name: z.string() }));
 * Service.parse({ service_id: "s-1", name: "compute" }); // built here, once
 * ```
 * @public
 */
export function lazySchema<T extends object>(build: () => T): T {
  const real = buildOnce((): T => {
    const schema = build();
    seeProxyAsSchema(schema, proxy);
    return schema;
  });
  // The target only satisfies the proxy invariants: an extensible object with nothing but a configurable
  // inspect hook, so every answer may come from the real schema. Reads use the real schema as the receiver,
  // so getters that memoize on `this` (zod's members bind and cache per instance) do it on the real schema.
  const target = {
    // util.inspect looks at a proxy's target, never through its traps: show the schema in a debugger or log.
    [INSPECT]: (_depth: number, options: object, inspect: (value: unknown, options: object) => string) =>
      inspect(real(), options),
  } as unknown as T;
  const proxy: T = new Proxy(target, {
    get: (_target, key) => {
      const schema = real();
      return Reflect.get(schema, key, schema);
    },
    set: (_target, key, value) => Reflect.set(real(), key, value),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A property the target lacks may only be reported configurable.
      return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    setPrototypeOf: () => false,
    preventExtensions: () => false,
  });
  return proxy;
}

/** The part of zod's JSON Schema context this needs: the schemas met so far, by object. */
interface JsonSchemaContext {
  seen?: Map<object, unknown>;
}

/**
 * zod's `toJSONSchema` records each schema it meets by object (`ctx.seen`) and then calls the schema's own
 * `processJSONSchema`, which for wrappers (`.optional()`, `.default()`, pipes…) looks itself up by the object
 * it was built as: the real schema, not the proxy it was handed, so it found nothing and threw. While that
 * call runs, the real schema is recorded under the proxy's entry too.
 */
function seeProxyAsSchema(schema: object, proxy: object): void {
  const internals = (schema as { _zod?: { processJSONSchema?: unknown } })._zod;
  const process = internals?.processJSONSchema;
  if (internals === undefined || typeof process !== "function") return;
  internals.processJSONSchema = (ctx: JsonSchemaContext, ...rest: unknown[]) => {
    const seen = ctx?.seen;
    const alias = seen instanceof Map && !seen.has(schema) && seen.has(proxy);
    if (alias) seen.set(schema, seen.get(proxy));
    try {
      return process.call(internals, ctx, ...rest);
    } finally {
      if (alias) seen.delete(schema);
    }
  };
}
