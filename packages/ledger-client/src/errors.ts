/**
 * Almanach's failures, typed. The reference has `ClientError` with two subclasses, `HTTPError` and
 * `EndpointNotFound`; here they extend core's `HttpError` and `EndpointNotFoundError` (so `isSdkError`
 * works), and {@link isClientError} plays the role of `except ClientError`.
 */
import { EndpointNotFoundError, HttpError, isSdkError, redactText } from "@meterkit/core";
import { pyRepr } from "@meterkit/core/python";
import { PKG } from "./package-name.js";

const ALMANACH = Symbol.for("@meterkit/ledger-client/error");

/**
 * Almanach answered with a status other than the one the operation expects (4xx, 5xx, or an unexpected
 * 2xx/3xx). `summary` is the reference's message, `"<server message> (<status>)"`. The client's error
 * mapping makes one from core's `HttpError`, after the last attempt.
 * @public
 */
export class AlmanachHttpError extends HttpError {
  /** The reference client's message: `body.error` (a dict shown as Python prints it) or the text, then the status. */
  readonly summary: string;
  /** The server's message alone (`body.error`, `"HTTP Error"` when missing, or the raw text). */
  readonly serverMessage: string;
  /** `body.error` as sent: a string, or an object naming the invalid fields. */
  readonly error: unknown;

  constructor(o: {
    status: number;
    method: string;
    url: string | URL;
    body: unknown;
    headers: Readonly<Record<string, string>>;
    requestId?: string | undefined;
  }) {
    const { message, error } = serverMessageOf(o.body);
    const summary = `${message} (${o.status})`;
    super({ ...o, message: summary });
    this.message = redactText(`[${PKG}] ${summary}: ${o.method} ${this.url}`);
    this.summary = summary;
    this.serverMessage = message;
    this.error = error;
    Object.defineProperty(this, ALMANACH, { value: true });
  }
}

/** No Almanach endpoint matched in Keystone (the reference's `EndpointNotFound("Endpoint URL Not Found")`). @public */
export class AlmanachEndpointNotFoundError extends EndpointNotFoundError {
  constructor(detail: string) {
    super(`[${PKG}] Endpoint URL Not Found (${detail})`);
    Object.defineProperty(this, ALMANACH, { value: true });
  }
}

/** The reference's `ClientError`: either Almanach error class. @public */
export type ClientError = AlmanachHttpError | AlmanachEndpointNotFoundError;

/** True for the errors the reference raises as `ClientError` (HTTP status errors and endpoint lookups). @public */
export function isClientError(value: unknown): value is ClientError {
  return isSdkError(value) && ALMANACH in value;
}

/** Python's rule: `body["error"]` for a JSON object (`"HTTP Error"` when absent), else the raw text. @internal */
export function serverMessageOf(body: unknown): { message: string; error: unknown } {
  if (body !== null && typeof body === "object" && !Array.isArray(body)) {
    if (!("error" in body)) return { message: "HTTP Error", error: undefined };
    const error = (body as { error: unknown }).error;
    return { message: typeof error === "string" ? error : pyRepr(error), error };
  }
  if (body === undefined) return { message: "", error: undefined };
  return { message: typeof body === "string" ? body : JSON.stringify(body), error: undefined };
}
