/**
 * Auth is a strategy object (octokit's auth-token shape): the client never branches on the kind of auth.
 */

/** Supplies the auth headers of one attempt. @public */
export interface AuthStrategy {
  readonly kind: "none" | "token" | "keystone" | (string & {});
  /**
   * Headers to add to one attempt. A strategy that may fetch or refresh credentials returns a promise; a
   * static one may answer synchronously (and may return the same object every time: core copies it).
   */
  headers(context: {
    signal?: AbortSignal | undefined;
  }): Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>;
  /** Drop cached credentials after a 401; core then retries the request exactly once. */
  invalidate?(): void;
  /**
   * The secret values this strategy holds or obtains (tokens, passwords), scrubbed from every error and
   * log line of the clients that use it.
   */
  readonly secrets?: Iterable<string>;
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
/** No auth at all. @public */
export const noAuth: AuthStrategy = { kind: "none", headers: () => NO_HEADERS };
