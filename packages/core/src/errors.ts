/**
 * The typed errors every meterkit client throws. One branded base class with a stable `code`, so callers
 * can branch on `isSdkError(e, "http_error")` even when two copies of `@meterkit/core` are installed
 * (the undici / smithy idea of `Symbol.for` brands instead of `instanceof`).
 */
import { redactHeaders, redactJson, redactText, redactUrl } from "./redact.js";

const BRAND = Symbol.for("@meterkit/core/error");

/** Stable machine-readable codes of {@link SdkError}. @public */
export type SdkErrorCode =
  | "http_error"
  | "network_error"
  | "timeout"
  | "aborted"
  | "auth_error"
  | "endpoint_not_found"
  | "response_validation"
  | "invalid_input"
  | (string & {});

/** Base class of every error meterkit throws on purpose. @public */
export class SdkError extends Error {
  /** Stable code, safe to branch on. */
  readonly code: SdkErrorCode;

  constructor(code: SdkErrorCode, message: string, options?: ErrorOptions) {
    super(redactText(message), options);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** What identifies the request an error belongs to; the URL is already redacted. @public */
export interface RequestSummary {
  readonly method: string;
  readonly url: string;
}

/** The server answered with a status ≥ 400. @public */
export class HttpError extends SdkError {
  readonly status: number;
  readonly method: string;
  /** The request URL with secrets (token/password query values) redacted. */
  readonly url: string;
  /** `x-openstack-request-id`, `x-request-id` or `x-compute-request-id` when the server sent one. */
  readonly requestId: string | undefined;
  /** The parsed JSON body, or the text when it was not JSON; secret-named fields and known secrets redacted. */
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(o: {
    status: number;
    method: string;
    url: string | URL;
    body: unknown;
    headers: Readonly<Record<string, string>>;
    requestId?: string | undefined;
    message?: string;
  }) {
    const url = redactUrl(o.url);
    const detail = o.message ?? describeBody(redactJson(o.body));
    super(
      "http_error",
      `[@meterkit/core] ${o.method} ${url} failed with ${o.status}${detail ? `: ${detail}` : ""}`,
    );
    this.status = o.status;
    this.method = o.method;
    this.url = url;
    this.requestId = o.requestId;
    // Redacted on a copy: servers echo credentials back in error bodies more often than one would hope.
    this.body = redactJson(o.body);
    this.headers = redactHeaders(o.headers);
  }
}

/** The connection failed (refused, reset, DNS, TLS…); `cause` is the undici error. @public */
export class NetworkError extends SdkError {
  readonly method: string;
  readonly url: string;
  constructor(request: { method: string; url: string | URL }, cause: unknown) {
    const url = redactUrl(request.url);
    const reason =
      cause instanceof Error
        ? `${(cause as { code?: string }).code ?? cause.name}: ${cause.message}`
        : String(cause);
    super("network_error", `[@meterkit/core] ${request.method} ${url} could not complete (${reason})`, {
      cause,
    });
    this.method = request.method;
    this.url = url;
  }
}

/** One attempt took longer than `timeoutMs`. @public */
export class TimeoutError extends SdkError {
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;
  constructor(request: { method: string; url: string | URL }, timeoutMs: number, cause?: unknown) {
    const url = redactUrl(request.url);
    super("timeout", `[@meterkit/core] ${request.method} ${url} timed out after ${timeoutMs} ms`, { cause });
    this.method = request.method;
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's `signal` aborted the call; `cause` is the signal's reason. @public */
export class AbortError extends SdkError {
  constructor(request: { method: string; url: string | URL }, reason: unknown) {
    super("aborted", `[@meterkit/core] ${request.method} ${redactUrl(request.url)} was aborted`, {
      cause: reason,
    });
  }
}

/** Authentication failed (e.g. Keystone refused the credentials). @public */
export class AuthError extends SdkError {
  readonly status: number | undefined;
  constructor(message: string, options?: ErrorOptions & { status?: number }) {
    super("auth_error", message, options);
    this.status = options?.status;
  }
}

/** No endpoint in the service catalog matched the query. @public */
export class EndpointNotFoundError extends SdkError {
  constructor(message: string) {
    super("endpoint_not_found", message);
  }
}

/** One problem found while validating a response or an input. @public */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The response did not have the expected shape (or was not valid JSON). @public */
export class ResponseValidationError extends SdkError {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly issues: readonly ValidationIssue[];
  constructor(o: {
    status: number;
    method: string;
    url: string | URL;
    issues: readonly ValidationIssue[];
    cause?: unknown;
  }) {
    const url = redactUrl(o.url);
    super(
      "response_validation",
      `[@meterkit/core] ${o.method} ${url} returned an unexpected response: ${formatIssues(o.issues)}`,
      {
        cause: o.cause,
      },
    );
    this.status = o.status;
    this.method = o.method;
    this.url = url;
    this.issues = o.issues;
  }
}

/** Bad input, detected before anything was sent. `field` is the dotted path of the first problem. @public */
export class InvalidInputError extends SdkError {
  readonly field: string;
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[], options?: { package?: string; cause?: unknown }) {
    const pkg = options?.package ?? "@meterkit/core";
    super("invalid_input", `[${pkg}] invalid input: ${formatIssues(issues)}`, { cause: options?.cause });
    this.issues = issues;
    this.field = issues[0] ? formatPath(issues[0].path) : "";
  }
}

/**
 * The error class behind each of core's codes, so `isSdkError(e, "http_error")` narrows `e` to `HttpError`.
 * Client packages add their own codes by declaration merging (`interface SdkErrorMap { state_conflict: … }`).
 * @public
 */
export interface SdkErrorMap {
  http_error: HttpError;
  network_error: NetworkError;
  timeout: TimeoutError;
  aborted: AbortError;
  auth_error: AuthError;
  endpoint_not_found: EndpointNotFoundError;
  response_validation: ResponseValidationError;
  invalid_input: InvalidInputError;
}

/**
 * True when `value` is a meterkit error (optionally with this `code`), across copies of core. With a known
 * code the type narrows to its class (`isSdkError(e, "http_error") && e.status === 404`).
 * @public
 */
export function isSdkError<C extends keyof SdkErrorMap>(value: unknown, code: C): value is SdkErrorMap[C];
/** True when `value` is a meterkit error with this code (a client's own code). @public */
export function isSdkError(value: unknown, code?: SdkErrorCode): value is SdkError;
export function isSdkError(value: unknown, code?: SdkErrorCode): value is SdkError {
  return (
    typeof value === "object" &&
    value !== null &&
    BRAND in value &&
    (code === undefined || (value as unknown as SdkError).code === code)
  );
}

function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? "(root)" : path.join(".");
}

function formatIssues(issues: readonly ValidationIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
  return shown.join("; ") + (issues.length > 5 ? `; and ${issues.length - 5} more` : "");
}

function describeBody(body: unknown): string {
  if (body === undefined || body === null || body === "") return "";
  if (typeof body === "string") return body.length > 300 ? `${body.slice(0, 300)}…` : body;
  const json = JSON.stringify(body);
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}
