/**
 * One attempt over an undici dispatcher. Every path consumes the body (undici's rule: "All response bodies
 * must always be fully consumed or destroyed") and maps undici's failures to core's typed errors.
 */
import type { Dispatcher } from "undici";
import { AbortError, isSdkError, NetworkError, TimeoutError } from "../errors.js";
import type { Handler, PreparedRequest } from "../middleware.js";

/**
 * A handler that sends each attempt through `dispatcher`. The per-attempt limit is undici's own
 * `headersTimeout` (time to the response headers) and `bodyTimeout` (longest silence while reading the
 * body), both set to `timeoutMs` and mapped to `TimeoutError` (smithy's undici handler does the same). The
 * caller's signal goes to undici as is: no `AbortSignal.any()`, which leaks on Node 20 (nodejs/node#55351),
 * and no timer or controller per request on the hot path. `dispatcher` may be a loader, called on the first
 * attempt (undici's global dispatcher, loaded only when something is sent).
 * @internal
 */
export function transport(source: Dispatcher | (() => Promise<Dispatcher>)): Handler {
  let dispatcher = typeof source === "function" ? undefined : source;
  return async (request) => {
    if (request.signal?.aborted) throw new AbortError(request, request.signal.reason);
    try {
      dispatcher ??= await (source as () => Promise<Dispatcher>)();
      const response = await dispatcher.request({
        origin: request.url.origin,
        path: `${request.url.pathname}${request.url.search}`,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: request.signal ?? null,
        headersTimeout: request.timeoutMs,
        bodyTimeout: request.timeoutMs,
      });
      const bytes = new Uint8Array(await response.body.arrayBuffer());
      const text = DECODER.decode(bytes);
      return { status: response.statusCode, headers: flattenHeaders(response.headers), text, bytes };
    } catch (error) {
      throw mapError(error, request);
    }
  };
}

const DECODER = new TextDecoder();

function mapError(error: unknown, request: PreparedRequest): Error {
  if (isSdkError(error)) return error; // e.g. a cassette mismatch: already typed and clear
  if (request.signal?.aborted) return new AbortError(request, request.signal.reason);
  const code = (error as { code?: string } | null)?.code;
  if (
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT" ||
    code === "UND_ERR_CONNECT_TIMEOUT"
  ) {
    return new TimeoutError(request, request.timeoutMs, error);
  }
  return new NetworkError(request, error);
}

/** Lower-case names; repeated headers joined with ", " (set-cookie too: we never need it split). */
function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  // for…in, not Object.entries: no array of pairs per response. undici's own names are lower-case already;
  // a custom dispatcher's may not be.
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
