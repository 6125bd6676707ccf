/**
 * Typed-API tests of `@meterkit/core`'s public surface, run by vitest's `typecheck` mode (nothing executes).
 * Each `@ts-expect-error` line proves one misuse a user could write is refused by the compiler.
 */
import type { Dispatcher } from "undici";
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  type AbortError,
  type AuthError,
  type AuthStrategy,
  type BaseUrl,
  type CallOptions,
  type CatalogEntry,
  collect,
  createHttpClient,
  type EndpointNotFoundError,
  type EndpointQuery,
  findEndpoint,
  type Handler,
  type HttpClient,
  type HttpClientOptions,
  HttpError,
  type HttpMethod,
  type HttpResponse,
  InvalidInputError,
  isSdkError,
  type KeystoneAuth,
  type KeystoneAuthOptions,
  type KeystoneToken,
  keystoneAuth,
  linkRel,
  logRequests,
  type Middleware,
  type NetworkError,
  noAuth,
  type Page,
  type Paginated,
  type PaginateOptions,
  type PreparedRequest,
  type RawResponse,
  type REDACTED,
  type RequestOptions,
  type ResponseValidationError,
  type RetryOptions,
  redactHeaders,
  redactJson,
  redactText,
  redactUrl,
  registerSecret,
  retry,
  type Schema,
  type SdkError,
  type SdkErrorCode,
  type TimeoutError,
  tokenAuth,
  type ValidationIssue,
  VERSION,
  validateInput,
} from "../src/index.js";
import {
  type Cassette,
  type CassetteMismatchError,
  type CassetteOptions,
  cassetteDispatcher,
  type RecordedExchange,
} from "../src/testing/index.js";

declare const http: HttpClient;

interface User {
  uuid: string;
  name: string;
}

describe("createHttpClient", () => {
  it("takes HttpClientOptions and returns an HttpClient", () => {
    expectTypeOf(createHttpClient).parameters.toEqualTypeOf<[HttpClientOptions]>();
    expectTypeOf(createHttpClient).returns.toEqualTypeOf<HttpClient>();
    expectTypeOf<HttpClientOptions["baseUrl"]>().toEqualTypeOf<BaseUrl>();
    expectTypeOf<HttpClientOptions["dispatcher"]>().toEqualTypeOf<Dispatcher | undefined>();
    expectTypeOf<HttpClientOptions["middleware"]>().toEqualTypeOf<readonly Middleware[] | undefined>();
    expectTypeOf<HttpClientOptions["auth"]>().toEqualTypeOf<AuthStrategy | undefined>();
    // Only baseUrl is required.
    assertType<HttpClientOptions>({ baseUrl: "http://127.0.0.1:1/" });
    assertType<HttpClientOptions>({ baseUrl: new URL("http://127.0.0.1:1/") });
    assertType<HttpClientOptions>({ baseUrl: async () => "http://127.0.0.1:1/" });
    assertType<HttpClientOptions>({
      baseUrl: "http://127.0.0.1:1/",
      auth: tokenAuth({ token: "t", scheme: "token" }),
      middleware: [retry(), logRequests(console)],
      timeoutMs: 5_000,
      userAgent: "demo/1",
      headers: { "x-demo": "1" },
      packageName: "@meterkit/ledger-client",
    });
    // @ts-expect-error baseUrl is required
    assertType<HttpClientOptions>({ timeoutMs: 5_000 });
    // @ts-expect-error timeoutMs is a number of milliseconds, not a string
    assertType<HttpClientOptions>({ baseUrl: "http://127.0.0.1:1/", timeoutMs: "5s" });
    // @ts-expect-error a baseUrl resolver must return a Promise
    assertType<HttpClientOptions>({ baseUrl: () => "http://127.0.0.1:1/" });
    // @ts-expect-error middleware is a list, not one middleware
    assertType<HttpClientOptions>({ baseUrl: "http://127.0.0.1:1/", middleware: retry() });
    // @ts-expect-error unknown option
    assertType<HttpClientOptions>({ baseUrl: "http://127.0.0.1:1/", retries: 3 });
  });

  it("request() is generic over the response data", () => {
    expectTypeOf(http.request<User>)
      .parameter(0)
      .toEqualTypeOf<RequestOptions<User>>();
    expectTypeOf(http.request<User>).returns.toEqualTypeOf<Promise<HttpResponse<User>>>();
    expectTypeOf(http.request).returns.resolves.toEqualTypeOf<HttpResponse<unknown>>();
    expectTypeOf<HttpResponse<User>["data"]>().toEqualTypeOf<User>();
    expectTypeOf<HttpResponse<User>["requestId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<HttpResponse<User>["url"]>().toEqualTypeOf<URL>();
    // A schema's output type is inferred as T.
    const schema = { parse: (input: unknown) => input as User };
    expectTypeOf(http.request({ method: "GET", path: "/users/", schema })).resolves.toEqualTypeOf<
      HttpResponse<User>
    >();
    void http.request({ method: "GET", path: "/users/{uuid}/", pathParams: { uuid: "u", n: 1 } });
    void http.request({
      method: "GET",
      path: "/x",
      query: { a: "1", b: 2, c: true, d: new Date(), e: ["x"] },
    });
    void http.request({ method: "POST", path: "/x", body: { a: 1 }, idempotent: true, responseType: "text" });
    // @ts-expect-error method is required
    void http.request({ path: "/x" });
    // @ts-expect-error OPTIONS is not an HttpMethod
    void http.request({ method: "OPTIONS", path: "/x" });
    // @ts-expect-error responseType is "json" or "text"
    void http.request({ method: "GET", path: "/x", responseType: "blob" });
    // @ts-expect-error query values are scalars, dates or arrays of them, not objects
    void http.request({ method: "GET", path: "/x", query: { a: { b: 1 } } });
    // @ts-expect-error pathParams are strings or numbers
    void http.request({ method: "GET", path: "/x/{id}", pathParams: { id: true } });
    // @ts-expect-error the schema's output must match the requested type
    void http.request<User>({ method: "GET", path: "/x", schema: { parse: (i: unknown) => String(i) } });
  });

  it("paginate() is an async iterable of items with pages()", () => {
    const users = http.paginate<User>({ path: "/users/" });
    expectTypeOf(users).toEqualTypeOf<Paginated<User>>();
    expectTypeOf(users).toExtend<AsyncIterable<User>>();
    expectTypeOf(users.pages).returns.toEqualTypeOf<AsyncIterable<Page<User>>>();
    expectTypeOf<Page<User>["data"]>().toEqualTypeOf<readonly User[]>();
    expectTypeOf<Page<User>["total"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf(collect(users)).toEqualTypeOf<Promise<User[]>>();
    expectTypeOf(collect).parameter(1).toEqualTypeOf<number | undefined>();
    // items() decides the item type.
    const services = http.paginate({ path: "/s", items: (b) => (b as { services: User[] }).services });
    expectTypeOf(services).toEqualTypeOf<Paginated<User>>();
    assertType<PaginateOptions<User>>({ path: "/users/", limit: 10, method: "GET" });
    // @ts-expect-error paginate only sends GET
    assertType<PaginateOptions<User>>({ path: "/users/", method: "POST" });
    // @ts-expect-error limit is a number
    assertType<PaginateOptions<User>>({ path: "/users/", limit: "10" });
  });

  it("with() derives a client from partial options", () => {
    expectTypeOf(http.with).parameter(0).toEqualTypeOf<Partial<HttpClientOptions>>();
    expectTypeOf(http.with({ timeoutMs: 1 })).toEqualTypeOf<HttpClient>();
    expectTypeOf(http.options).toEqualTypeOf<Readonly<HttpClientOptions>>();
    // @ts-expect-error headers are string values
    http.with({ headers: { "x-n": 1 } });
  });
});

describe("CallOptions", () => {
  it("has three optional knobs", () => {
    assertType<CallOptions>({});
    assertType<CallOptions>({ signal: AbortSignal.timeout(1), timeoutMs: 10, headers: { a: "b" } });
    // exactOptionalPropertyTypes: undefined is allowed explicitly, so callers can forward their own options.
    assertType<CallOptions>({ signal: undefined, timeoutMs: undefined, headers: undefined });
    expectTypeOf<RequestOptions<unknown>>().toExtend<CallOptions>();
    // @ts-expect-error signal is an AbortSignal, not an AbortController
    assertType<CallOptions>({ signal: new AbortController() });
    // @ts-expect-error timeoutMs is a number
    assertType<CallOptions>({ timeoutMs: "10" });
    // @ts-expect-error unknown knob
    assertType<CallOptions>({ retries: 2 });
  });
});

describe("errors", () => {
  it("every error class extends SdkError and Error", () => {
    expectTypeOf<SdkError>().toExtend<Error>();
    expectTypeOf<HttpError>().toExtend<SdkError>();
    expectTypeOf<NetworkError>().toExtend<SdkError>();
    expectTypeOf<TimeoutError>().toExtend<SdkError>();
    expectTypeOf<AbortError>().toExtend<SdkError>();
    expectTypeOf<AuthError>().toExtend<SdkError>();
    expectTypeOf<EndpointNotFoundError>().toExtend<SdkError>();
    expectTypeOf<ResponseValidationError>().toExtend<SdkError>();
    expectTypeOf<InvalidInputError>().toExtend<SdkError>();
    expectTypeOf<CassetteMismatchError>().toExtend<SdkError>();
  });

  it("carries typed fields", () => {
    expectTypeOf<SdkError["code"]>().toEqualTypeOf<SdkErrorCode>();
    expectTypeOf<"http_error">().toExtend<SdkErrorCode>();
    expectTypeOf<"invalid_input">().toExtend<SdkErrorCode>();
    expectTypeOf<HttpError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<HttpError["requestId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<HttpError["body"]>().toEqualTypeOf<unknown>();
    expectTypeOf<HttpError["headers"]>().toEqualTypeOf<Readonly<Record<string, string>>>();
    expectTypeOf<TimeoutError["timeoutMs"]>().toEqualTypeOf<number>();
    expectTypeOf<AuthError["status"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<InvalidInputError["field"]>().toEqualTypeOf<string>();
    expectTypeOf<InvalidInputError["issues"]>().toEqualTypeOf<readonly ValidationIssue[]>();
    expectTypeOf<ResponseValidationError["issues"]>().toEqualTypeOf<readonly ValidationIssue[]>();
    expectTypeOf<ValidationIssue["path"]>().toEqualTypeOf<readonly (string | number)[]>();
    const e = new HttpError({ status: 404, method: "GET", url: "http://x/", body: null, headers: {} });
    // @ts-expect-error error fields are readonly
    e.status = 500;
    // @ts-expect-error status is required
    new HttpError({ method: "GET", url: "http://x/", body: null, headers: {} });
    // @ts-expect-error issues are objects with path and message
    new InvalidInputError(["bad"]);
  });

  it("isSdkError narrows an unknown", () => {
    const caught: unknown = new Error("x");
    if (isSdkError(caught, "http_error")) expectTypeOf(caught).toEqualTypeOf<HttpError>();
    if (isSdkError(caught, "timeout")) expectTypeOf(caught.timeoutMs).toEqualTypeOf<number>();
    if (isSdkError(caught, "state_conflict")) expectTypeOf(caught).toEqualTypeOf<SdkError>();
    if (isSdkError(caught)) expectTypeOf(caught).toEqualTypeOf<SdkError>();
    // @ts-expect-error the code is a string
    isSdkError(caught, 404);
  });
});

describe("auth", () => {
  it("tokenAuth and noAuth are strategies", () => {
    expectTypeOf(tokenAuth).returns.toEqualTypeOf<AuthStrategy>();
    expectTypeOf(noAuth).toEqualTypeOf<AuthStrategy>();
    // A static strategy may answer synchronously; one that fetches credentials returns a promise.
    expectTypeOf<AuthStrategy["headers"]>().returns.toEqualTypeOf<
      Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>
    >();
    tokenAuth({ token: "t", header: "X-Auth-Token" });
    // @ts-expect-error token is required
    tokenAuth({ scheme: "token" });
    // @ts-expect-error token is a string
    tokenAuth({ token: 42 });
  });

  it("keystoneAuth returns a strategy that resolves endpoints and tokens", () => {
    expectTypeOf(keystoneAuth).returns.toEqualTypeOf<KeystoneAuth>();
    expectTypeOf<KeystoneAuth>().toExtend<AuthStrategy>();
    expectTypeOf(keystoneAuth).parameter(0).toExtend<KeystoneAuthOptions>();
    const ks = keystoneAuth({ authUrl: "http://127.0.0.1:5000", username: "u", password: "p" });
    expectTypeOf(ks.endpoint({ type: "rating" })).toEqualTypeOf<BaseUrl>();
    expectTypeOf(ks.token()).toEqualTypeOf<Promise<KeystoneToken>>();
    expectTypeOf<KeystoneToken["expiresAt"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<KeystoneToken["catalog"]>().toEqualTypeOf<readonly CatalogEntry[]>();
    createHttpClient({ baseUrl: ks.endpoint({ type: "rating", interface: "internal" }), auth: ks });
    keystoneAuth({ authUrl: "http://k", applicationCredentialId: "i", applicationCredentialSecret: "s" });
    // @ts-expect-error authUrl is required
    keystoneAuth({ username: "u", password: "p" });
    // @ts-expect-error refreshBeforeMs is a number
    keystoneAuth({ authUrl: "http://k", username: "u", password: "p", refreshBeforeMs: "5m" });
    // @ts-expect-error interface is public, internal or admin
    ks.endpoint({ type: "rating", interface: "private" });
  });

  it("findEndpoint reads a catalog", () => {
    expectTypeOf(findEndpoint).parameters.toEqualTypeOf<[readonly CatalogEntry[], EndpointQuery]>();
    expectTypeOf(findEndpoint).returns.toEqualTypeOf<string>();
    // @ts-expect-error the query is an object
    findEndpoint([], "rating");
  });
});

describe("middleware, retry and logging", () => {
  it("middleware wraps a handler", () => {
    expectTypeOf<Middleware>().toEqualTypeOf<(next: Handler) => Handler>();
    expectTypeOf<Handler>().toEqualTypeOf<(request: PreparedRequest) => Promise<RawResponse>>();
    expectTypeOf<PreparedRequest["method"]>().toEqualTypeOf<HttpMethod>();
    expectTypeOf<PreparedRequest["attempt"]>().toEqualTypeOf<number>();
    expectTypeOf<RawResponse["text"]>().toEqualTypeOf<string>();
    const timing: Middleware = (next) => async (request) => next(request);
    assertType<Middleware>(timing);
    // @ts-expect-error a handler must return a Promise of a RawResponse
    assertType<Middleware>((_next) => (request) => request);
  });

  it("retry() and logRequests() build middleware", () => {
    expectTypeOf(retry).parameter(0).toEqualTypeOf<RetryOptions | undefined>();
    expectTypeOf(retry()).toEqualTypeOf<Middleware>();
    expectTypeOf(logRequests(console)).toEqualTypeOf<Middleware>();
    retry({ maxAttempts: 5, statuses: [429, 503], retryOn: ({ response }) => response?.status === 409 });
    // @ts-expect-error maxAttempts is a number
    retry({ maxAttempts: "5" });
    // @ts-expect-error retryOn must return a boolean
    retry({ retryOn: () => "yes" });
    // @ts-expect-error a logger needs a debug method
    logRequests({ info: () => {} });
  });
});

describe("input validation, redaction, links, version", () => {
  it("validateInput returns the schema's output", () => {
    const schema = {
      safeParse: (input: unknown) => ({ success: true as const, data: input as User }),
    };
    expectTypeOf(validateInput(schema, {})).toEqualTypeOf<User>();
    validateInput(schema, {}, { package: "@meterkit/x", root: "body" });
    // @ts-expect-error the schema needs safeParse
    validateInput({ parse: (i: unknown) => i }, {});
    // @ts-expect-error package is a string
    validateInput(schema, {}, { package: true });
  });

  it("Schema accepts parse or safeParse shapes", () => {
    assertType<Schema<User>>({ parse: (i: unknown) => i as User });
    // @ts-expect-error neither parse nor safeParse
    assertType<Schema<User>>({ validate: (i: unknown) => i as User });
  });

  it("redaction helpers keep their types", () => {
    expectTypeOf<typeof REDACTED>().toEqualTypeOf<"<redacted>">();
    expectTypeOf(redactText).toEqualTypeOf<(text: string) => string>();
    expectTypeOf(redactUrl).parameter(0).toEqualTypeOf<string | URL>();
    expectTypeOf(redactHeaders({ a: ["b", "c"] })).toEqualTypeOf<Record<string, string>>();
    expectTypeOf(redactJson).returns.toEqualTypeOf<unknown>();
    registerSecret(undefined);
    // @ts-expect-error secrets are strings
    registerSecret(42);
  });

  it("linkRel and VERSION", () => {
    expectTypeOf(linkRel).returns.toEqualTypeOf<string | undefined>();
    expectTypeOf(VERSION).toEqualTypeOf<string>();
    // @ts-expect-error rel is required
    linkRel("<http://x>; rel=next");
  });
});

describe("@meterkit/core/testing", () => {
  it("cassetteDispatcher is an undici Dispatcher with its cassette", () => {
    const d = cassetteDispatcher({ file: "x.json", mode: "replay" });
    expectTypeOf(d).toExtend<Dispatcher>();
    expectTypeOf(d.cassette).toEqualTypeOf<Cassette>();
    expectTypeOf(d.unused()).toEqualTypeOf<RecordedExchange[]>();
    expectTypeOf<Cassette["version"]>().toEqualTypeOf<1>();
    createHttpClient({ baseUrl: "http://127.0.0.1:1/", dispatcher: d });
    assertType<CassetteOptions>({ file: "x.json", mode: "record", redact: (e) => e });
    // @ts-expect-error mode is record or replay
    cassetteDispatcher({ file: "x.json", mode: "live" });
    // @ts-expect-error file is required
    cassetteDispatcher({ mode: "replay" });
  });
});
