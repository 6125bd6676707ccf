/**
 * Auth is a strategy object (octokit's auth-token shape): the client never branches on the kind of auth.
 */

/** Supplies the auth headers of one attempt. @public */
export interface AuthStrategy {
  readonly kind: "none" | "token" | "keystone" | (string & {});
  /** Headers to add to one attempt; may fetch or refresh credentials. */
  headers(context: { signal?: AbortSignal | undefined }): Promise<Record<string, string>>;
  /** Drop cached credentials after a 401; core then retries the request exactly once. */
  invalidate?(): void;
  /**
   * The secret values this strategy holds or obtains (tokens, passwords), scrubbed from every error and
   * log line of the clients that use it.
   */
  readonly secrets?: Iterable<string>;
}

/** No auth at all. @public */
export const noAuth: AuthStrategy = { kind: "none", headers: async () => ({}) };
