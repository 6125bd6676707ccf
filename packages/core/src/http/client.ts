import { applyAuth } from "../auth/apply-auth.js";
import { noAuth } from "../auth/strategy.js";
import { InvalidInputError, isSdkError } from "../errors.js";
import { logRequests } from "../logging/log-requests.js";
import { compose, type Handler, type PreparedRequest, type RawResponse } from "../middleware.js";
import { type Paginated, type PaginateOptions, paginate } from "../pagination/paginate.js";
import { SecretSet, scrubError } from "../redact.js";
import { retry } from "../retry/retry.js";
import { USER_AGENT } from "../version.js";
import { installedGlobalDispatcher, loadGlobalDispatcher } from "./global-dispatcher.js";
import { assertOk, decodeBody, httpErrorOf, requestIdOf } from "./response.js";
import { transport } from "./transport.js";
import type { HttpClientOptions, HttpResponse, RequestOptions } from "./types.js";
import { appendQuery, fillPath, joinUrl } from "./url.js";
import { assertValidCall, assertValidClientOptions } from "./validate-call.js";

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE"]);
const DEFAULT_TIMEOUT_MS = 30_000;

/** The HTTP client every meterkit API client is built on. @public */
export interface HttpClient {
  /** Send one request; throws a typed `SdkError` on failure, returns data for statuses < 400. */
  request<T = unknown>(options: RequestOptions<T>): Promise<HttpResponse<T>>;
  /** Iterate over the items of a paginated list (`Link: rel="next"`), with `.pages()` for whole pages. */
  paginate<T>(options: PaginateOptions<T>): Paginated<T>;
  /** A client with merged options (headers and middleware are appended, the rest replaced). */
  with(overrides: Partial<HttpClientOptions>): HttpClient;
  /** The options this client was made with. */
  readonly options: Readonly<HttpClientOptions>;
}

/**
 * Create an HTTP client.
 * @example
 * ```ts
 * const http = createHttpClient({ baseUrl: "https://waldur.example.com/api/", auth: tokenAuth({ token, scheme: "token" }) });
 * const { data } = await http.request({ method: "GET", path: "/users/{uuid}/", pathParams: { uuid } });
 * ```
 * @public
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  validateOptions(options);
  // undici's global dispatcher as `getGlobalDispatcher()` returns it; when none is installed yet, undici is
  // loaded on the first request (global-dispatcher.ts), not at start-up.
  const dispatcher = options.dispatcher ?? installedGlobalDispatcher() ?? loadGlobalDispatcher;
  const auth = options.auth ?? noAuth;
  // Order, outermost first: the caller's middleware, the one retry loop, the log line of each attempt,
  // auth (re-authenticating once on 401), the transport.
  const handler: Handler = compose(
    [
      ...(options.middleware ?? []),
      retry(options.retry || { maxAttempts: 1 }),
      ...(options.logger ? [logRequests(options.logger)] : []),
    ],
    applyAuth(auth, transport(dispatcher)),
  );
  const secrets = new SecretSet();
  secrets.link(auth.secrets);
  for (const value of options.secrets ?? []) secrets.add(value);
  const userAgent = options.userAgent ? `${options.userAgent} ${USER_AGENT}` : USER_AGENT;
  const pkg = options.packageName;

  const client: HttpClient = {
    options,
    async request<T>(call: RequestOptions<T>): Promise<HttpResponse<T>> {
      try {
        const prepared = await prepare(call);
        const raw = await handler(prepared);
        try {
          if (call.expectStatus !== "any") {
            assertOk(prepared, raw);
            assertExpected(prepared, raw, call.expectStatus);
          }
        } catch (error) {
          throw options.mapError && isSdkError(error, "http_error")
            ? options.mapError(error, { request: prepared, attempts: raw.attempts ?? 1 })
            : error;
        }
        const data =
          call.responseType === "bytes"
            ? ((raw.bytes ?? new TextEncoder().encode(raw.text)) as T)
            : decodeBody(prepared, raw, call.responseType ?? "json", call.schema);
        return {
          status: raw.status,
          headers: raw.headers,
          data,
          requestId: requestIdOf(raw.headers),
          url: prepared.url,
        };
      } catch (error) {
        throw scrubError(error, secrets);
      }
    },
    paginate<T>(call: PaginateOptions<T>): Paginated<T> {
      return paginate(client, call);
    },
    with(overrides) {
      return createHttpClient({
        ...options,
        ...overrides,
        headers: { ...options.headers, ...overrides.headers },
        middleware: [...(options.middleware ?? []), ...(overrides.middleware ?? [])],
      });
    },
  };

  async function prepare(call: RequestOptions<unknown>): Promise<PreparedRequest> {
    assertValidCall(call, pkg);
    const base =
      typeof options.baseUrl === "function"
        ? await options.baseUrl({ signal: call.signal })
        : options.baseUrl;
    const url = joinUrl(base, fillPath(call.path, call.pathParams, pkg), pkg);
    appendQuery(url, call.query, call.dateFormat ?? ((d) => d.toISOString()), pkg, secrets);
    const headers: Record<string, string> = { accept: "application/json", "user-agent": userAgent };
    for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = v;
    let body: string | undefined;
    if (call.body !== undefined) {
      body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
      headers["content-type"] ??= "application/json";
    }
    for (const [k, v] of Object.entries(call.headers ?? {})) headers[k.toLowerCase()] = v;
    return {
      method: call.method,
      url,
      headers,
      body,
      signal: call.signal,
      timeoutMs: call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      attempt: 1,
      idempotent: IDEMPOTENT.has(call.method) || call.idempotent === true,
      retry: call.retry,
    };
  }

  return client;
}

/** An operation that accepts only some statuses fails on any other, 2xx included. */
function assertExpected(
  request: PreparedRequest,
  raw: RawResponse,
  expected: number | readonly number[] | undefined,
): void {
  if (expected === undefined) return;
  const ok = typeof expected === "number" ? raw.status === expected : expected.includes(raw.status);
  if (!ok) throw httpErrorOf(request, raw);
}

function validateOptions(options: HttpClientOptions): void {
  if (typeof options.baseUrl === "string" || options.baseUrl instanceof URL) {
    let url: URL;
    try {
      url = new URL(String(options.baseUrl));
    } catch {
      throw new InvalidInputError([{ path: ["baseUrl"], message: "must be an absolute http(s) URL" }]);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new InvalidInputError([{ path: ["baseUrl"], message: "must use http or https" }]);
    }
  }
  assertValidClientOptions(options);
}
