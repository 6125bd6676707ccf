import type { Middleware } from "../middleware.js";
import { redactUrl } from "../redact.js";

/** Where log lines go: anything with a `debug` method (console, pino, a test array…). @public */
export interface Logger {
  /**
   * Receives one line per request (method, redacted URL, status or error code, duration) and the same as
   * `meta`.
   */
  debug(message: string, meta?: Record<string, unknown>): void;
}

/**
 * Logs one line per request (or per attempt, when placed inside `retry()`): method, redacted URL, status
 * or error code, attempt and duration. Headers and bodies are never logged, so no secret can leak here.
 * @public
 */
export function logRequests(logger: Logger, options: { now?: () => number } = {}): Middleware {
  const now = options.now ?? (() => performance.now());
  return (next) => async (request) => {
    const started = now();
    const url = redactUrl(request.url);
    try {
      const response = await next(request);
      const ms = Math.round(now() - started);
      logger.debug(`${request.method} ${url} → ${response.status} (${ms} ms)`, {
        method: request.method,
        url,
        status: response.status,
        attempt: request.attempt,
        durationMs: ms,
      });
      return response;
    } catch (error) {
      const ms = Math.round(now() - started);
      const code = (error as { code?: string }).code ?? "error";
      logger.debug(`${request.method} ${url} ✗ ${code} (${ms} ms)`, {
        method: request.method,
        url,
        error: code,
        attempt: request.attempt,
        durationMs: ms,
      });
      throw error;
    }
  };
}
