/**
 * CloudKitty's errors as typed errors. The server answers in three shapes (cloudkitty.md §4.1–4.3): a WSME
 * fault `{faultcode, faultstring}`, a pecan/webob `{code, title, description}` and keystonemiddleware's
 * `{error: {code, title, message}}`. `HashMapHttpError` reads all three into one `message`.
 */
import { type ErrorMapper, HttpError, SdkError } from "@meterkit/core";
import { NEWER_FILTERS, NEWER_RULE_FIELDS } from "./inputs.js";

/** What kind of failure a `HashMapHttpError` is, from its status. @public */
export type HashMapErrorReason =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "not_allowed"
  | "conflict"
  | "unsupported_media_type"
  | "server"
  | "other";

const REASONS: Record<number, HashMapErrorReason> = {
  400: "invalid",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "not_allowed",
  409: "conflict",
  415: "unsupported_media_type",
};

/** The server's own error text from any of its three error shapes. @internal */
export function serverMessage(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null)
    return typeof body === "string" && body ? body.slice(0, 300) : undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.faultstring === "string") return b.faultstring;
  if (typeof b.error === "object" && b.error !== null) {
    const e = b.error as Record<string, unknown>;
    if (typeof e.message === "string") return e.message;
  }
  if (typeof b.title === "string") return b.description ? `${b.title}: ${String(b.description)}` : b.title;
  return undefined;
}

/**
 * CloudKitty answered with a status ≥ 400. Still an `HttpError` (code `http_error`), plus the server's
 * message and a `reason` to branch on.
 * @public
 */
export class HashMapHttpError extends HttpError {
  /** `not_found`, `conflict`, `invalid`, … (from the status). */
  readonly reason: HashMapErrorReason;
  /** The server's message (`faultstring`, `description` or `error.message`). */
  readonly serverMessage: string | undefined;

  constructor(error: HttpError) {
    const text = serverMessage(error.body);
    super({
      status: error.status,
      method: error.method,
      url: error.url,
      body: error.body,
      headers: error.headers,
      requestId: error.requestId,
      ...(text === undefined ? {} : { message: text }),
    });
    this.message = this.message.replace("[@meterkit/core]", "[@meterkit/rating-hashmap-client]");
    this.reason = REASONS[error.status] ?? (error.status >= 500 ? "server" : "other");
    this.serverMessage = text;
  }
}

/**
 * The server is older than the feature the call asked for: e.g. the `start`/`end`/`description` rule
 * fields and filters, which CloudKitty 17 answers with `400 Unknown argument`.
 * @public
 */
export class UnsupportedByServerError extends SdkError {
  /** The field or filter the server did not know. */
  readonly feature: string;
  constructor(feature: string, detail: string, cause?: unknown) {
    super(
      "unsupported_by_server",
      `[@meterkit/rating-hashmap-client] this CloudKitty server does not support "${feature}" (${detail}); it needs a newer CloudKitty release than 17 (Zed)`,
      { cause },
    );
    this.feature = feature;
  }
}

const UNKNOWN = /Unknown (?:argument|attribute)[^"'\n]*?(?:for argument \w+: |: )?"?([A-Za-z_]+)"?/;
const NEWER = new Set<string>([...NEWER_RULE_FIELDS, ...NEWER_FILTERS]);
const RULES = /\/module_config\/hashmap\/(?:mappings|thresholds)(?:\/|$)/;

/** The names a request sent: its JSON body's keys and its query's keys. */
function sentNames(request: { url: URL; body?: string | undefined }): Set<string> {
  const names = new Set(request.url.searchParams.keys());
  if (request.body !== undefined) {
    try {
      const body: unknown = JSON.parse(request.body);
      if (typeof body === "object" && body !== null) for (const key of Object.keys(body)) names.add(key);
    } catch {
      // Not JSON: nothing named.
    }
  }
  return names;
}

/**
 * The client's one error mapping: every failed call becomes a `HashMapHttpError`, except a 17 server's
 * `400 Unknown argument` about a newer release's rule field or filter that the request did send, which
 * becomes an `UnsupportedByServerError` naming it. The request itself says what it sent, so no operation
 * has to declare its newer fields.
 * @internal
 */
export const mapHashMapError: ErrorMapper = (error, { request }) => {
  const typed = new HashMapHttpError(error);
  const unknown = typed.status === 400 && typed.serverMessage ? UNKNOWN.exec(typed.serverMessage) : null;
  const feature = unknown?.[1];
  if (feature && NEWER.has(feature) && RULES.test(request.url.pathname) && sentNames(request).has(feature)) {
    return new UnsupportedByServerError(feature, typed.serverMessage ?? "", typed);
  }
  return typed;
};
