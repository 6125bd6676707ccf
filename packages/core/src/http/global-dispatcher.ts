/**
 * undici's global dispatcher, without loading undici before the first request. Importing the whole of
 * `undici` costs a fresh process about 0.1 s of CPU (fetch, WebSocket, cookies, caches, mocks…), which a CLI
 * pays for `--help` and a connector for a run that sends nothing; a request through an `Agent` needs a
 * small part of it.
 */
import { createRequire } from "node:module";
import type { Dispatcher } from "undici";

// The key undici (npm and Node's own copy alike) keeps its global dispatcher under; `getGlobalDispatcher()`
// is exactly this read.
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

/** The global dispatcher when one is already installed (by undici's import, `setGlobalDispatcher`, fetch…). */
export function installedGlobalDispatcher(): Dispatcher | undefined {
  return (globalThis as Record<symbol, Dispatcher | undefined>)[GLOBAL_DISPATCHER];
}

/**
 * undici's `getGlobalDispatcher()` (installing its default `Agent` if none is). Loads the three modules
 * undici's own index uses for it: the Dispatcher API (`request()` on every dispatcher, the line undici's
 * index.js runs), and `lib/global.js`. When undici's layout is not the one known here, the whole package.
 * @internal
 */
export async function loadGlobalDispatcher(): Promise<Dispatcher> {
  try {
    const require = createRequire(import.meta.url);
    const base = require("undici/lib/dispatcher/dispatcher.js") as { prototype: Record<string, unknown> };
    if (typeof base.prototype.request !== "function") {
      Object.assign(base.prototype, require("undici/lib/api/index.js"));
    }
    const global = require("undici/lib/global.js") as { getGlobalDispatcher?: () => Dispatcher };
    const dispatcher = global.getGlobalDispatcher?.();
    if (dispatcher && typeof dispatcher.request === "function") return dispatcher;
  } catch {
    // not undici's known layout (a bundle, a new major): the package's entry point below
  }
  return (await import("undici")).getGlobalDispatcher();
}
