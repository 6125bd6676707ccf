// What a CLI bundle uses in place of @meterkit/core's dist/http/global-dispatcher.js (bundle-cli.mjs swaps
// it in; the two export the same functions and must keep the same behaviour). Core's module reaches undici's
// files with createRequire(import.meta.url), which only resolves from core's own package, and falls back to
// the package's entry point when undici's layout is not the one it knows. In a bundle undici is the copy
// bundled beside it, whose layout is known at build time: plain `require` calls, which the bundler follows
// (each file is then evaluated on the first request only, as before), and no fallback, which would pull all of
// undici (fetch, WebSocket, caches, mocks) into the bundle.

// The key undici keeps its global dispatcher under; `getGlobalDispatcher()` is exactly this read.
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

/** The global dispatcher when one is already installed (by undici's import, `setGlobalDispatcher`, fetch…). */
export function installedGlobalDispatcher() {
  return globalThis[GLOBAL_DISPATCHER];
}

/** undici's `getGlobalDispatcher()`, loading the Dispatcher API and `lib/global.js` (as undici's index does). */
export async function loadGlobalDispatcher() {
  const base = require("undici/lib/dispatcher/dispatcher.js");
  if (typeof base.prototype.request !== "function") {
    Object.assign(base.prototype, require("undici/lib/api/index.js"));
  }
  return require("undici/lib/global.js").getGlobalDispatcher();
}
