import { AsyncLocalStorage } from "node:async_hooks";
import { Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { type CassetteDispatcher, type CassetteOptions, cassetteDispatcher } from "./cassette.js";

const active = new AsyncLocalStorage<CassetteDispatcher>();

/**
 * undici's global dispatcher once a cassette has been used: each request goes to the cassette of the
 * `withCassette` call it was made in (found through `AsyncLocalStorage`, so concurrent calls keep their own
 * cassettes), and every other request to the dispatcher that was global before, unchanged.
 */
class CassetteRouter extends Dispatcher {
  constructor(readonly real: Dispatcher) {
    super();
  }
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return (active.getStore() ?? this.real).dispatch(options, handler);
  }
  override close(): Promise<void> {
    return this.real.close();
  }
  override destroy(): Promise<void> {
    return this.real.destroy();
  }
}

/**
 * Route undici's global dispatcher through the cassettes of {@link withCassette} (idempotent), and return the
 * real transport behind it. Everything that sends through the global dispatcher is covered: core's clients
 * made without a `dispatcher` option (they take the global one when they are created, so create them after
 * this, or inside `withCassette`), `undici.request`/`fetch`, and Node's own `fetch`. Outside a cassette,
 * requests go to the previous global dispatcher as before.
 * @public
 */
export function interceptGlobalDispatcher(): Dispatcher {
  const current = getGlobalDispatcher();
  if (current instanceof CassetteRouter) return current.real;
  const router = new CassetteRouter(current);
  setGlobalDispatcher(router);
  return current;
}

/**
 * Run `fn` with every request it sends through undici's global dispatcher (and so through core's default
 * transport) recorded to and replayed from the cassette `options` describes (`upstream` defaults to the real
 * global dispatcher). Requests still in flight after `fn` returns (background log deliveries) belong to the
 * same cassette, as everything started inside it does.
 * @public
 */
export function withCassette<R>(options: CassetteOptions, fn: (cassette: CassetteDispatcher) => R): R {
  const real = interceptGlobalDispatcher();
  const cassette = cassetteDispatcher({ ...options, upstream: options.upstream ?? real });
  return active.run(cassette, () => fn(cassette));
}
