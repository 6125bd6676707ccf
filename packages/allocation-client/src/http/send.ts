import type { HttpError } from "@meterkit/core";
import { AbortError, type HttpResponse, isSdkError, type RequestOptions } from "@meterkit/core";
import type { ClientContext } from "../context.js";
import { StateConflictError } from "../errors.js";

/**
 * One request with Waldur's 409 policy, the reference client's (`_make_request`): a conflicting write
 * (POST) is sent again after `delayMs`, up to `attempts` times in total; a GET is sent once. Either way a
 * final 409 becomes {@link StateConflictError}. Other errors pass through unchanged.
 * @internal
 */
export async function send<T>(ctx: ClientContext, call: RequestOptions<T>): Promise<HttpResponse<T>> {
  const attempts = call.method === "GET" ? 1 : ctx.conflict.attempts;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.http.request(call);
    } catch (error) {
      if (!isSdkError(error, "http_error") || (error as HttpError).status !== 409) throw error;
      if (attempt >= attempts) throw new StateConflictError(error as HttpError, attempt);
      try {
        await sleep(ctx.conflict.delayMs, call.signal);
      } catch (reason) {
        throw new AbortError({ method: call.method, url: call.path }, reason);
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }
    function onAbort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
