import type { AuthStrategy, HttpClientOptions, Middleware } from "@meterkit/core";
import type { ConflictRetryOptions } from "./context.js";
import type { Generation } from "./generation.js";

/** Options of {@link createWaldurClient}. @public */
export interface WaldurClientOptions {
  /** The API root, e.g. `https://puhuri-core.example/api/` (a missing trailing slash is added). */
  baseUrl: string | URL;
  /** A Waldur API token, sent as `Authorization: token <token>`. Give this or `auth`. */
  token?: string;
  /** Another auth strategy (e.g. an OIDC bearer via core's `tokenAuth({ token, scheme: "Bearer" })`). */
  auth?: AuthStrategy;
  /** Which server generation to speak. Default `"current"` (MasterMind ≥ 7, OpenAPI 8.0.5). */
  generation?: Generation;
  /** Items per list page, 1–300. Default 200 (the reference client's). */
  pageSize?: number;
  /** 409 handling of writes. Default: 3 attempts, 2 s apart (the reference's). */
  conflictRetry?: ConflictRetryOptions;
  /** undici dispatcher: a proxy agent, a cassette, a `MockAgent`… Default: core's keep-alive agent. */
  dispatcher?: HttpClientOptions["dispatcher"];
  /** core middleware, outermost first, e.g. `[logRequests(log), retry()]`. */
  middleware?: readonly Middleware[];
  /** Time limit of one attempt in ms. Default 30 000. */
  timeoutMs?: number;
  /** Prepended to the User-Agent. */
  userAgent?: string;
}
