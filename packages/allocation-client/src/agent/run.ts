/** Plumbing of the loops: abortable sleep, backoff, bounded concurrency, "is this a 409". */
import { isSdkError } from "@meterkit/core";

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Exponential backoff with full jitter: 1, 2, 4… × base, capped. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Runs `work` over `items`, at most `limit` at once; the first error is thrown after all have settled. */
export async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

/** Waldur's `StateValidator` refusal: the order moved on (another agent took it, or we already did). */
export function isStateConflict(error: unknown): boolean {
  return isSdkError(error, "state_conflict");
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
