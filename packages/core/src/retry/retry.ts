import { AbortError, isSdkError } from "../errors.js";
import type { Middleware, PreparedRequest, RawResponse } from "../middleware.js";
import { parseRetryAfter } from "./retry-after.js";

/** Options of {@link retry}. @public */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** Base of the exponential backoff. Default 200 ms. */
  baseDelayMs?: number;
  /** Cap of any one wait, `Retry-After` included. Default 20 000 ms. */
  maxDelayMs?: number;
  /** Statuses worth another attempt. Default 408, 429, 500, 502, 503, 504. */
  statuses?: readonly number[];
  /** Override the decision (called only for idempotent requests). */
  retryOn?: (outcome: { error?: unknown; response?: RawResponse }, request: PreparedRequest) => boolean;
  /** Called before each wait, e.g. to count retries. */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string; request: PreparedRequest }) => void;
  /** Injectable for tests: random in [0, 1). */
  random?: () => number;
  /** Injectable for tests: an abortable sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const DEFAULT_STATUSES = [408, 429, 500, 502, 503, 504];

/**
 * Retries failed attempts of idempotent requests (GET, HEAD, PUT, DELETE, or a call marked
 * `idempotent: true`) on network errors, timeouts and retryable statuses. Waits `random × min(base·2ⁿ, max)`
 * (full jitter), or the server's `Retry-After` capped at `maxDelayMs`. A POST is never repeated unless the
 * caller marked it safe: the first attempt may have been applied even when its answer was lost.
 *
 * An operation's own rule (`RequestOptions.retry`, e.g. Waldur's 409 on order actions) is honoured in the
 * same loop. Clients install this loop themselves from their `retry` option: one loop per client, never
 * one above another.
 * @public
 */
export function retry(options: RetryOptions = {}): Middleware {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const base = options.baseDelayMs ?? 200;
  const cap = options.maxDelayMs ?? 20_000;
  const statuses = new Set(options.statuses ?? DEFAULT_STATUSES);
  const random = options.random ?? Math.random;
  const wait = options.sleep ?? sleep;

  return (next) => async (request) => {
    const rule = request.retry;
    // One attempt allowed and no rule of the operation's own (a client without `retry`): nothing to decide.
    if (maxAttempts === 1 && rule === undefined) return next(request);
    for (let attempt = 1; ; attempt++) {
      // A prepared request is already attempt 1: no copy for the one attempt most calls make.
      const current = request.attempt === attempt ? request : { ...request, attempt };
      let outcome: { error?: unknown; response?: RawResponse };
      try {
        outcome = { response: await next(current) };
      } catch (error) {
        outcome = { error };
      }
      // The operation's own rule first: its statuses mean "not applied", so even a POST may go again.
      const status = outcome.response?.status;
      const byRule = rule !== undefined && status !== undefined && rule.statuses.includes(status);
      const retryable = byRule
        ? attempt < rule.maxAttempts
        : attempt < maxAttempts &&
          request.idempotent &&
          (options.retryOn ?? defaultDecision(statuses))(outcome, current);
      if (!retryable) {
        if (outcome.response) return { ...outcome.response, attempts: attempt };
        throw outcome.error;
      }
      const hinted = parseRetryAfter(outcome.response?.headers["retry-after"], Date.now());
      const delayMs = byRule
        ? rule.delayMs
        : Math.min(cap, hinted ?? random() * Math.min(cap, base * 2 ** (attempt - 1)));
      options.onRetry?.({ attempt, delayMs, reason: reasonOf(outcome), request: current });
      try {
        await wait(delayMs, request.signal);
      } catch (reason) {
        // Aborted while waiting: say which request, not the wait.
        throw isSdkError(reason, "aborted") ? new AbortError(request, request.signal?.reason) : reason;
      }
    }
  };
}

function defaultDecision(statuses: Set<number>) {
  return (outcome: { error?: unknown; response?: RawResponse }): boolean => {
    if (outcome.response) return statuses.has(outcome.response.status);
    return isSdkError(outcome.error, "network_error") || isSdkError(outcome.error, "timeout");
  };
}

function reasonOf(outcome: { error?: unknown; response?: RawResponse }): string {
  if (outcome.response) return `status ${outcome.response.status}`;
  return isSdkError(outcome.error) ? outcome.error.code : "error";
}

/** Resolves after `ms`, or rejects with core's `AbortError` as soon as `signal` aborts. @public */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = { method: "WAIT", url: "about:retry" };
    if (signal?.aborted) return reject(new AbortError(request, signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError(request, signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
