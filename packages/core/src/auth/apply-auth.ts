import type { Handler } from "../middleware.js";
import type { AuthStrategy } from "./strategy.js";

/**
 * The innermost step before the transport: adds the strategy's headers to each attempt and, after a 401,
 * drops the cached credentials and sends once more with fresh ones (octokit core's case (3)). The retry is
 * safe even for POST: a 401 means the server did not act on the request.
 * @internal
 */
export function applyAuth(auth: AuthStrategy, next: Handler): Handler {
  return async (request) => {
    const send = async () => {
      const headers = await auth.headers({ signal: request.signal });
      return next({ ...request, headers: { ...request.headers, ...headers } });
    };
    const response = await send();
    if (response.status !== 401 || !auth.invalidate) return response;
    auth.invalidate();
    return send();
  };
}
