import type { Dispatcher } from "undici";
import type { AuthStrategy } from "../auth/strategy.js";
import type { HttpError } from "../errors.js";
import type { Logger } from "../logging/log-requests.js";
import type { Middleware, OperationRetry, PreparedRequest } from "../middleware.js";
import type { RetryOptions } from "../retry/retry.js";

/** HTTP methods core sends. @public */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";

/** Per-call knobs every operation of every client accepts as its last argument. @public */
export interface CallOptions {
  /** Aborts the call, including waits between retries. */
  signal?: AbortSignal | undefined;
  /** Time limit of one attempt, headers and body included. Default: the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Extra request headers for this call. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** A query value; arrays become repeated keys, `undefined` is left out, dates use `dateFormat`. @public */
export type QueryValue =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | readonly (string | number | boolean | Date)[];

/** Anything with zod's `safeParse` or a plain `parse`: a zod schema fits. @public */
export type Schema<T> =
  | {
      /**
       * Checks the decoded body without throwing; failures become a `ResponseValidationError` listing the
       * issues.
       */
      safeParse(
        input: unknown,
      ):
        | { success: true; data: T }
        | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
    }
  | {
      /** Returns the checked body or throws; the thrown message becomes a `ResponseValidationError`. */
      parse(input: unknown): T;
    };

/** One request. `path` is a template whose `{name}` segments are filled from `pathParams`, encoded. @public */
export interface RequestOptions<T = unknown> extends CallOptions {
  method: HttpMethod;
  path: string;
  pathParams?: Readonly<Record<string, string | number>> | undefined;
  query?: Readonly<Record<string, QueryValue>> | undefined;
  /** How `Date` query values are written. Default: ISO 8601 (`toISOString()`). */
  dateFormat?: ((date: Date) => string) | undefined;
  /** JSON-encoded by core (with `content-type: application/json`); a string is sent as is. */
  body?: unknown;
  /** Validates the parsed response body; failures throw `ResponseValidationError`. */
  schema?: Schema<T> | undefined;
  /** `"json"` (default) parses the body; `"text"` returns it as a string; `"bytes"` as a `Uint8Array`. */
  responseType?: "json" | "text" | "bytes" | undefined;
  /**
   * Marks a non-idempotent call (POST, PATCH) as safe to send twice, so `retry()` may repeat it.
   * GET, HEAD, PUT and DELETE are idempotent by definition.
   */
  idempotent?: boolean | undefined;
  /**
   * The only statuses this operation accepts as success; any other (2xx included) fails like a status ≥ 400
   * (Almanach's rule: exactly 200 for GET, 201 for POST…). `"any"`: every status resolves, ≥ 400 included
   * (the caller reads `status`). Default: every status below 400.
   */
  expectStatus?: number | readonly number[] | "any" | undefined;
  /**
   * This operation's own retry rule, run by the client's one retry loop: statuses that mean "not applied,
   * try again later" (Waldur's 409 on order actions), retried even for a POST.
   */
  retry?: OperationRetry | undefined;
}

/** A successful response: status < 400 (3xx responses are returned, never followed). @public */
export interface HttpResponse<T> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly data: T;
  readonly requestId: string | undefined;
  readonly url: URL;
}

/** A fixed base URL, or one looked up at call time (e.g. from the Keystone catalog). @public */
export type BaseUrl =
  | string
  | URL
  | ((context: { signal?: AbortSignal | undefined }) => Promise<string | URL>);

/**
 * How a client turns core's `HttpError` into its own typed error (a subclass of `HttpError`, so
 * `isSdkError(e, "http_error")` still holds). Called once per failed call, after the last attempt;
 * `attempts` is how many were sent.
 * @public
 */
export type ErrorMapper = (
  error: HttpError,
  context: { request: PreparedRequest; attempts: number },
) => Error;

/** Options of {@link createHttpClient}. @public */
export interface HttpClientOptions {
  baseUrl: BaseUrl;
  auth?: AuthStrategy | undefined;
  /** The undici dispatcher (Agent, ProxyAgent, MockAgent, a cassette…). Default: a keep-alive Agent core owns. */
  dispatcher?: Dispatcher | undefined;
  /** Outermost first, e.g. `[logRequests(log)]`; they run around the client's retry loop. */
  middleware?: readonly Middleware[] | undefined;
  /**
   * The client's one retry loop (see `retry()`): `{ maxAttempts, … }`, or `false`/absent for a single
   * attempt. Operations' own rules (`RequestOptions.retry`) apply either way.
   */
  retry?: RetryOptions | false | undefined;
  /** Logs one line per attempt (method, redacted URL, status or error code, duration) with `debug`. */
  logger?: Logger | undefined;
  /** Per-attempt time limit. Default 30 000 ms. */
  timeoutMs?: number | undefined;
  /** Prepended to `@meterkit/core/<version> node/<version>`. */
  userAgent?: string | undefined;
  /** Headers sent on every request. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Package name used as the prefix of `InvalidInputError` messages, e.g. `@meterkit/ledger-client`. */
  packageName?: string | undefined;
  /** Maps a failed response to the client's typed error. Default: core's `HttpError`. */
  mapError?: ErrorMapper | undefined;
  /** More secret values to scrub from this client's errors (the auth strategy's are scrubbed anyway). */
  secrets?: Iterable<string> | undefined;
}
