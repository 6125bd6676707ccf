/**
 * The one set of options every meterkit client takes, and what a client package declares about its service
 * (how its token is sent, where Keystone lists it, how its errors look). `createClientHttp` turns the two
 * into the client's `HttpClient`, so no client builds its transport, auth or error handling by itself.
 */
import type { Dispatcher } from "undici";
import type { EndpointQuery } from "../auth/catalog.js";
import type { AuthStrategy } from "../auth/strategy.js";
import type { HttpClient } from "../http/client.js";
import type { BaseUrl, ErrorMapper } from "../http/types.js";
import type { Logger } from "../logging/log-requests.js";
import type { Middleware } from "../middleware.js";
import type { RetryOptions } from "../retry/retry.js";

/** Options of every `createXClient()`: the same names for the same things in every package. @public */
export interface ClientOptions {
  /**
   * The service's URL. May be left out when `auth` is `keystoneAuth(...)`: the client then looks its
   * service up in the token's catalog (see `endpoint`).
   */
  baseUrl?: BaseUrl | undefined;
  /** The service's static API token, sent the way the service expects. Give this or `auth`. */
  token?: string | undefined;
  /** An auth strategy instead of `token`: `keystoneAuth(...)`, `tokenAuth(...)`, `noAuth`. */
  auth?: AuthStrategy | undefined;
  /**
   * Without `baseUrl`, under Keystone: which catalog endpoint to use (`interface`, `region`, or another
   * `type`/`name`/`id`); the client's own service type is the default.
   */
  endpoint?: EndpointQuery | undefined;
  /** The undici dispatcher: a proxy agent, a cassette, a `MockAgent`… Default: undici's global one. */
  dispatcher?: Dispatcher | undefined;
  /** core middleware around the retry loop, outermost first. */
  middleware?: readonly Middleware[] | undefined;
  /** The client's one retry loop (`{ maxAttempts: 3 }`…); absent or `false`: one attempt. */
  retry?: RetryOptions | false | undefined;
  /** Time limit of one attempt in ms. Default 30 000. */
  timeoutMs?: number | undefined;
  /** Prepended to the User-Agent. */
  userAgent?: string | undefined;
  /** Receives one `debug` line per attempt (redacted: never a header or a body). */
  logger?: Logger | undefined;
  /** Headers sent with every request. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** What a client package declares about its service, once. @public */
export interface ClientSpec {
  /** The npm name, the prefix of every message, e.g. `@meterkit/ledger-client`. */
  readonly packageName: string;
  /** The client's product token, the start of its User-Agent (the caller's `userAgent` goes before it). */
  readonly userAgent?: string | undefined;
  /** How `token` is sent: the header (default `authorization`) and the scheme before it. */
  readonly token?: { readonly header?: string; readonly scheme?: string } | undefined;
  /** Where Keystone lists the service, when `baseUrl` is left out, e.g. `{ type: "rating" }`. */
  readonly catalog?: EndpointQuery | undefined;
  /** The service needs a credential on every call: refuse options with neither `token` nor `auth`. */
  readonly requiresAuth?: boolean | undefined;
  /** Rewrites a string `baseUrl` (e.g. drop a trailing `/v1`, add a trailing slash). */
  readonly normaliseBaseUrl?: ((url: string) => string) | undefined;
  /** Headers the service expects on every request. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Maps a failed response to the package's typed error. */
  readonly mapError?: ErrorMapper | undefined;
}

/** A client's options, or an `HttpClient` the caller already has. @public */
export type ClientInput<O extends ClientOptions = ClientOptions> = O | HttpClient;
