/**
 * A standalone operation: `(context, input, callOptions)`. Packages export these for callers who import
 * only what they use; the client object binds them as `client.<resource>.<verb>(input, callOptions)`.
 * @public
 */
// biome-ignore lint/suspicious/noExplicitAny: an operation's input, options and result types are its own.
export type Operation<C> = (context: C, ...args: any[]) => any;

/** A namespaced table of operations, as a client exposes them. @public */
export interface OperationTable<C> {
  readonly [name: string]: Operation<C> | OperationTable<C>;
}

/** The table with the context bound: the same names, each operation without its first argument. @public */
export type BoundOperations<C, T> = {
  readonly [K in keyof T]: T[K] extends (context: C, ...rest: infer A) => infer R
    ? (...args: A) => R
    : BoundOperations<C, T[K]>;
};

/**
 * Bind a table of standalone operations to a context: the one way every client is assembled.
 * @example
 * ```ts
 * const client = { ...context, ...bindOperations(context, { services: { list: listServices } }) };
 * await client.services.list({}, { signal });
 * ```
 * @public
 */
export function bindOperations<C, T extends OperationTable<C>>(context: C, table: T): BoundOperations<C, T> {
  const out: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(table)) {
    out[name] =
      typeof entry === "function"
        ? (...args: unknown[]) => (entry as (c: C, ...a: unknown[]) => unknown)(context, ...args)
        : bindOperations(context, entry as OperationTable<C>);
  }
  return out as BoundOperations<C, T>;
}
