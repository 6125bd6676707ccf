import { InvalidInputError } from "../errors.js";
import { registerSecret } from "../redact.js";
import type { AuthStrategy } from "./strategy.js";

/** Options of {@link tokenAuth}. @public */
export interface TokenAuthOptions {
  /** The token. It is registered as a secret and never appears in errors or logs. */
  token: string;
  /** Header name. Default `authorization`. Almanach: `X-Auth-Token`. */
  header?: string;
  /** Scheme before the token, e.g. `token` (Waldur) or `Bearer`. Default: none. */
  scheme?: string;
}

/**
 * A static token in a named header.
 * @example Waldur: `tokenAuth({ token, scheme: "token" })` sends `Authorization: token <token>`.
 * @example Almanach: `tokenAuth({ token, header: "X-Auth-Token" })`.
 * @public
 */
export function tokenAuth(options: TokenAuthOptions): AuthStrategy {
  if (typeof options.token !== "string" || options.token.trim() === "") {
    throw new InvalidInputError([{ path: ["token"], message: "must be a non-empty string" }]);
  }
  if (/[\r\n]/.test(options.token)) {
    throw new InvalidInputError([{ path: ["token"], message: "must not contain line breaks" }]);
  }
  registerSecret(options.token);
  const header = (options.header ?? "authorization").toLowerCase();
  const value = options.scheme ? `${options.scheme} ${options.token}` : options.token;
  return { kind: "token", headers: async () => ({ [header]: value }) };
}
