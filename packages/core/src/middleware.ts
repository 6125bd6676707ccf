/**
 * Cross-cutting behaviour (retry, logging, request ids) is `(next) => handler` middleware, as in undici's
 * `compose`. Order: the first middleware in the list is the outermost. core's own innermost steps, in
 * order, are: auth headers (re-authenticating once on 401) → transport (one attempt, body consumed).
 * So `[logRequests(log), retry()]` logs one line per call, `[retry(), logRequests(log)]` one per attempt.
 */
import type { HttpMethod } from "./http/types.js";

/** One attempt of a request, as middleware sees it. @public */
export interface PreparedRequest {
  readonly method: HttpMethod;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  /** The caller's signal (per-attempt timeouts are the transport's business). */
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs: number;
  /** 1-based attempt number, set by `retry()`. */
  readonly attempt: number;
  /** True for GET/HEAD/PUT/DELETE, or when the caller marked the call safe to repeat. */
  readonly idempotent: boolean;
  /** The operation's own retry rule, if it has one. */
  readonly retry?: OperationRetry | undefined;
}

/**
 * An operation's own retry rule: these statuses mean the server did not apply the request (e.g. Waldur's
 * 409 "not in a valid state yet"), so it is sent again after `delayMs`, up to `maxAttempts` in all, even
 * when it is not idempotent. @public
 */
export interface OperationRetry {
  readonly statuses: readonly number[];
  readonly maxAttempts: number;
  readonly delayMs: number;
}

/** A response whose body the transport has already read. @public */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The body as received, for callers that need the bytes (`responseType: "bytes"`). */
  readonly bytes?: Uint8Array | undefined;
  /** How many attempts were sent for this response (set by the retry loop). */
  readonly attempts?: number | undefined;
}

/** Sends one prepared request. @public */
export type Handler = (request: PreparedRequest) => Promise<RawResponse>;

/** Wraps a handler. @public */
export type Middleware = (next: Handler) => Handler;

/** Compose middleware around a handler; the first one is the outermost. @internal */
export function compose(middleware: readonly Middleware[], handler: Handler): Handler {
  return middleware.reduceRight<Handler>((next, wrap) => wrap(next), handler);
}
