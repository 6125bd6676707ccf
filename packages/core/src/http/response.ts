/** Turning a raw response into data: JSON parsing, schema validation and the HttpError for statuses ≥ 400. */
import { HttpError, ResponseValidationError, type ValidationIssue } from "../errors.js";
import type { PreparedRequest, RawResponse } from "../middleware.js";
import type { Schema } from "./types.js";

const REQUEST_ID_HEADERS = ["x-openstack-request-id", "x-request-id", "x-compute-request-id", "request-id"];

/** The request id a server sent, if any. @internal */
export function requestIdOf(headers: Readonly<Record<string, string>>): string | undefined {
  for (const name of REQUEST_ID_HEADERS) if (headers[name]) return headers[name];
  return undefined;
}

/** Parse a body leniently for error reports: JSON when it parses, the text otherwise, undefined when empty. @internal */
export function parseLenient(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The `HttpError` for a response the call does not accept. @internal */
export function httpErrorOf(request: PreparedRequest, raw: RawResponse): HttpError {
  return new HttpError({
    status: raw.status,
    method: request.method,
    url: request.url,
    body: parseLenient(raw.text),
    headers: raw.headers,
    requestId: requestIdOf(raw.headers),
  });
}

/** Throw `HttpError` for statuses ≥ 400. @internal */
export function assertOk(request: PreparedRequest, raw: RawResponse): void {
  if (raw.status >= 400) throw httpErrorOf(request, raw);
}

/**
 * The body as data. An empty body is `undefined`. A body the server labels JSON must parse; an unlabelled
 * one (Almanach answers `text/html` for JSON) is parsed when it can be and returned as text otherwise.
 * @internal
 */
export function decodeBody<T>(
  request: PreparedRequest,
  raw: RawResponse,
  responseType: "json" | "text" | "bytes",
  schema?: Schema<T>,
): T {
  let data: unknown = raw.text;
  if (responseType === "json") {
    if (raw.text === "" || request.method === "HEAD") data = undefined;
    else if (/\bjson\b/i.test(raw.headers["content-type"] ?? "")) {
      try {
        data = JSON.parse(raw.text);
      } catch (cause) {
        throw invalid(
          request,
          raw,
          [{ path: [], message: `body is not valid JSON (${(cause as Error).message})` }],
          cause,
        );
      }
    } else data = parseLenient(raw.text);
  }
  return schema ? validate(request, raw, schema, data) : (data as T);
}

function validate<T>(request: PreparedRequest, raw: RawResponse, schema: Schema<T>, data: unknown): T {
  if ("safeParse" in schema) {
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    const issues = result.error.issues.map((i) => ({ path: i.path.map(pathKey), message: i.message }));
    throw invalid(request, raw, issues, result.error);
  }
  try {
    return schema.parse(data);
  } catch (cause) {
    throw invalid(request, raw, [{ path: [], message: (cause as Error).message }], cause);
  }
}

function invalid(
  request: PreparedRequest,
  raw: RawResponse,
  issues: ValidationIssue[],
  cause: unknown,
): ResponseValidationError {
  return new ResponseValidationError({
    status: raw.status,
    method: request.method,
    url: request.url,
    issues,
    cause,
  });
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === "number" ? key : String(key);
}
