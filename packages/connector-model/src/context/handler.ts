import type { LogContext } from "./context.js";

/** A connector entry point as flexer calls it: `get(event, context)`, `sync(event, context)`… @public */
export type ConnectorHandler<E, C extends LogContext, R> = (event: E, context: C) => R;

/**
 * Wraps a connector entry point so that it resolves only once every log line it sent has been
 * delivered (or reported to `onLogError`): after `fn` returns or throws, the context's `flush()` is
 * awaited. `createCmpContext` sends `log()` in the background, so a handler returned without
 * `await context.flush()` could otherwise end the process with lines still on the wire. The result
 * and the error of `fn` are passed on unchanged; a context without `flush()` is waited for no longer.
 * @example
 * ```ts
 * export const get = connectorHandler(async (event: { account_id: string }, context: CmpContext) => {
 *   new Logger({ context, customerId: null, accountId: event.account_id }).info("syncing");
 *   return serializeList([]);
 * });
 * ```
 * @public
 */
export function connectorHandler<E, C extends LogContext, R>(
  fn: ConnectorHandler<E, C, R>,
): (event: E, context: C) => Promise<Awaited<R>> {
  return async (event: E, context: C): Promise<Awaited<R>> => {
    try {
      return await fn(event, context);
    } finally {
      await context.flush?.();
    }
  };
}
