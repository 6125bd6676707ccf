import type { Dispatcher } from "undici";
import { AuthError, InvalidInputError, isSdkError } from "../errors.js";
import { createHttpClient } from "../http/client.js";
import type { BaseUrl } from "../http/types.js";
import type { Middleware } from "../middleware.js";
import { SecretSet } from "../redact.js";
import { type CatalogEntry, type EndpointQuery, findEndpoint } from "./catalog.js";
import { type KeystoneAuthOptions, tokenRequestBody } from "./keystone-body.js";
import { memoizeExpiring } from "./memoize.js";
import type { AuthStrategy } from "./strategy.js";

/** A Keystone token with its expiry and catalog. @public */
export interface KeystoneToken {
  readonly token: string;
  readonly expiresAt: Date | undefined;
  readonly catalog: readonly CatalogEntry[];
  /** The rest of the token body (user, project, roles…). */
  readonly body: Record<string, unknown>;
}

/** Keystone v3 auth: an `AuthStrategy` that also resolves endpoints from the token's catalog. @public */
export interface KeystoneAuth extends AuthStrategy {
  /** A base URL resolver for `createHttpClient({ baseUrl })`, looked up in the catalog at call time. */
  endpoint(query: EndpointQuery): BaseUrl;
  /** The current token (fetched or renewed when needed). */
  token(options?: { signal?: AbortSignal }): Promise<KeystoneToken>;
}

/**
 * Keystone v3 password or application-credential auth. The token is cached, concurrent refreshes share
 * one request, it is renewed `refreshBeforeMs` (default 5 min) before `expires_at`, and it is dropped after
 * a 401 so core re-authenticates once. The password and every token are secrets of every client using this strategy.
 * @example
 * ```ts
 * const keystone = keystoneAuth({ authUrl: "http://127.0.0.1:5000/v3", username: "admin", password, projectName: "admin" });
 * const http = createHttpClient({ baseUrl: keystone.endpoint({ type: "rating" }), auth: keystone });
 * ```
 * @public
 */
export function keystoneAuth(
  options: KeystoneAuthOptions & { dispatcher?: Dispatcher; middleware?: readonly Middleware[] },
): KeystoneAuth {
  const body = tokenRequestBody(options);
  const secrets = new SecretSet();
  secrets.add(options.password);
  secrets.add(options.applicationCredentialSecret);
  const authUrl = normaliseAuthUrl(options.authUrl);
  const http = createHttpClient({
    baseUrl: authUrl,
    dispatcher: options.dispatcher,
    middleware: options.middleware,
    timeoutMs: options.timeoutMs,
    secrets,
  });
  const now = options.now ?? Date.now;

  const memo = memoizeExpiring(
    async () => {
      try {
        const response = await http.request<{ token?: Record<string, unknown> }>({
          method: "POST",
          path: "/auth/tokens",
          body,
          idempotent: true, // issuing a token has no side effect worth protecting
        });
        const token = response.headers["x-subject-token"];
        if (!token)
          throw new AuthError("[@meterkit/core] Keystone answered without an X-Subject-Token header");
        secrets.add(token);
        const info = response.data?.token ?? {};
        const expires = typeof info.expires_at === "string" ? new Date(info.expires_at) : undefined;
        const catalog = Array.isArray(info.catalog) ? (info.catalog as CatalogEntry[]) : [];
        return { token, expiresAt: expires, catalog, body: info };
      } catch (error) {
        if (isSdkError(error, "http_error")) {
          const status = error.status;
          throw new AuthError(
            `[@meterkit/core] Keystone refused to issue a token (${status}) at ${authUrl}/auth/tokens`,
            {
              cause: error,
              status,
            },
          );
        }
        throw error;
      }
    },
    options.refreshBeforeMs ?? 5 * 60_000,
    now,
  );

  return {
    kind: "keystone",
    async headers({ signal }) {
      const { token } = await memo.get(signal);
      return { "x-auth-token": token };
    },
    invalidate: () => memo.clear(),
    secrets,
    token: (o) => memo.get(o?.signal),
    endpoint(query) {
      return async ({ signal }) => findEndpoint((await memo.get(signal)).catalog, query);
    },
  };
}

/** Accept `http://host:5000`, `…/v3` and `…/v3/` alike. */
function normaliseAuthUrl(authUrl: string): string {
  let url: URL;
  try {
    url = new URL(authUrl);
  } catch {
    throw new InvalidInputError([{ path: ["authUrl"], message: "must be an absolute URL" }]);
  }
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith("/v3") ? path : `${path}/v3`;
  return url.toString().replace(/\/+$/, "");
}

export type { KeystoneAuthOptions };
