/**
 * A credential that expires, fetched at most once at a time and renewed `refreshBeforeMs` before expiry
 * (smithy's memoizeIdentityProvider idea). `clear()` forgets it, e.g. after a 401.
 * @internal
 */
export function memoizeExpiring<T extends { expiresAt: Date | undefined }>(
  fetch: (signal?: AbortSignal) => Promise<T>,
  refreshBeforeMs: number,
  now: () => number,
): { get(signal?: AbortSignal): Promise<T>; clear(): void } {
  let current: T | undefined;
  let inFlight: Promise<T> | undefined;
  const fresh = (value: T) => !value.expiresAt || value.expiresAt.getTime() - refreshBeforeMs > now();
  return {
    get(signal) {
      if (current && fresh(current)) return Promise.resolve(current);
      inFlight ??= fetch(signal)
        .then((value) => {
          current = value;
          return value;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
    clear() {
      current = undefined;
    },
  };
}
