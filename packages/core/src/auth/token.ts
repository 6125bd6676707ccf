import { InvalidInputError } from "../errors.js";
import { SecretSet } from "../redact.js";
import type { AuthStrategy } from "./strategy.js";

/** Options of {@link tokenAuth}. @public */
export interface TokenAuthOptions {
  /** The token. It is kept as a secret of every client using this strategy: never in their errors or logs. */
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
  const secrets = new SecretSet();
  secrets.add(options.token);
  const header = (options.header ?? "authorization").toLowerCase();
  const value = options.scheme ? `${options.scheme} ${options.token}` : options.token;
  const headers = Object.freeze({ [header]: value });
  return { kind: "token", headers: () => headers, secrets };
}

/** Options of {@link basicAuth}. @public */
export interface BasicAuthOptions {
  username: string;
  /** Kept as a secret of every client using this strategy. */
  password: string;
}

/**
 * HTTP Basic auth: `Authorization: Basic base64(username:password)`.
 * @example `createHttpClient({ baseUrl, auth: basicAuth({ username, password }) })`
 * @public
 */
export function basicAuth(options: BasicAuthOptions): AuthStrategy {
  for (const field of ["username", "password"] as const) {
    if (typeof options[field] !== "string") {
      throw new InvalidInputError([{ path: [field], message: "must be a string" }]);
    }
    if (/[\r\n]/.test(options[field])) {
      throw new InvalidInputError([{ path: [field], message: "must not contain line breaks" }]);
    }
  }
  const encoded = Buffer.from(`${options.username}:${options.password}`).toString("base64");
  const secrets = new SecretSet();
  secrets.add(options.password);
  secrets.add(encoded);
  const headers = Object.freeze({ authorization: `Basic ${encoded}` });
  return { kind: "basic", headers: () => headers, secrets };
}
