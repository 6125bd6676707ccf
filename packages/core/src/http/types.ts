import type { Dispatcher } from "undici";
import type { AuthStrategy } from "../auth/strategy.js";
import type { Middleware } from "../middleware.js";

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
  /** `"json"` (default) parses the body; `"text"` returns it as a string. */
  responseType?: "json" | "text" | undefined;
  /**
   * Marks a non-idempotent call (POST, PATCH) as safe to send twice, so `retry()` may repeat it.
   * GET, HEAD, PUT and DELETE are idempotent by definition.
   */
  idempotent?: boolean | undefined;
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

/** Options of {@link createHttpClient}. @public */
export interface HttpClientOptions {
  baseUrl: BaseUrl;
  auth?: AuthStrategy | undefined;
  /** The undici dispatcher (Agent, ProxyAgent, MockAgent, a cassette…). Default: a keep-alive Agent core owns. */
  dispatcher?: Dispatcher | undefined;
  /** Outermost first, e.g. `[logRequests(log), retry()]`. */
  middleware?: readonly Middleware[] | undefined;
  /** Per-attempt time limit. Default 30 000 ms. */
  timeoutMs?: number | undefined;
  /** Prepended to `@meterkit/core/<version> node/<version>`. */
  userAgent?: string | undefined;
  /** Headers sent on every request. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Package name used as the prefix of `InvalidInputError` messages, e.g. `@meterkit/ledger-client`. */
  packageName?: string | undefined;
}
