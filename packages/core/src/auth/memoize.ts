import { AbortError } from "../errors.js";

/**
 * A credential that expires, fetched at most once at a time and renewed `refreshBeforeMs` before expiry
 * (smithy's memoizeIdentityProvider idea). `clear()` forgets it, e.g. after a 401.
 *
 * The shared fetch runs on no caller's signal: it is bounded by its own request timeout, and each caller
 * waits on it with its own signal. So one caller aborting rejects that caller alone, never the others
 * waiting on the same refresh.
 * @internal
 */
export function memoizeExpiring<T extends { expiresAt: Date | undefined }>(
  fetch: () => Promise<T>,
  refreshBeforeMs: number,
  now: () => number,
): { get(signal?: AbortSignal): Promise<T>; clear(): void } {
  let current: T | undefined;
  let inFlight: Promise<T> | undefined;
  const fresh = (value: T) => !value.expiresAt || value.expiresAt.getTime() - refreshBeforeMs > now();
  return {
    get(signal) {
      if (current && fresh(current)) return Promise.resolve(current);
      inFlight ??= fetch()
        .then((value) => {
          current = value;
          return value;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return waitFor(inFlight, signal);
    },
    clear() {
      current = undefined;
    },
  };
}

const REQUEST = { method: "POST", url: "about:keystone-token" };

function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new AbortError(REQUEST, signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError(REQUEST, signal.reason));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
