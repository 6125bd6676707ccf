/**
 * What this package declares about Almanach once (how its token is sent, where Keystone lists it, the
 * headers it expects, its typed error), and the context every operation runs in.
 */
import {
  type ClientOptions,
  type ClientSpec,
  createClientHttp,
  type HttpClient,
  InvalidInputError,
} from "@meterkit/core";
import { AlmanachHttpError } from "./errors.js";
import { PKG } from "./package-name.js";

/**
 * Almanach accepts exactly one status per method (shared/research/wire/almanach.md §1); any other, 2xx
 * included, fails with `AlmanachHttpError`. Every operation passes its method's status as `expectStatus`.
 * @internal
 */
export const EXPECT = { GET: 200, PUT: 200, POST: 201, DELETE: 202 } as const;

const SPEC: ClientSpec = {
  packageName: PKG,
  userAgent: "meterkit-ledger-client",
  token: { header: "X-Auth-Token" },
  // devstack registers Almanach as type `usage`; the reference's default `cloudmetrics` matches nothing.
  catalog: { type: "usage", interface: "public" },
  // The reference sends this on every request, GETs included.
  headers: { "content-type": "application/json" },
  mapError: (error) =>
    new AlmanachHttpError({
      status: error.status,
      method: error.method,
      url: error.url,
      body: error.body,
      headers: error.headers,
      requestId: error.requestId,
    }),
};

/**
 * Options of {@link createAlmanachClient}: core's {@link ClientOptions} (`baseUrl` without `/v1`, `token`
 * sent as `X-Auth-Token`, or `auth`; with neither, no token is sent and only `info.get` works), plus the
 * clock. Without `baseUrl`, a Keystone `auth` finds Almanach by `endpoint` (default
 * `{ type: "usage", interface: "public" }`).
 * @public
 */
export interface AlmanachClientOptions extends ClientOptions {
  /** Clock for the "now" defaults of delete, resize, attach, detach and volume creation. Default: `new Date()`. */
  now?: (() => Date) | undefined;
}

/** What every operation needs: the HTTP client and the clock used for "now" defaults. @public */
export interface AlmanachContext {
  /** core's HTTP client, with Almanach's token, headers and error mapping. */
  readonly http: HttpClient;
  /** The clock of the "now" defaults. */
  readonly now: () => Date;
}

/**
 * The context the standalone operations take (`getInfo(context)`), from client options or an `HttpClient`
 * the caller already has (which then gets Almanach's error mapping).
 * @public
 */
export function createAlmanachContext(options: AlmanachClientOptions | HttpClient): AlmanachContext {
  const http = createClientHttp(SPEC, options, ["now"]);
  const now = "now" in options ? (options as AlmanachClientOptions).now : undefined;
  if (now !== undefined && typeof now !== "function") {
    throw new InvalidInputError([{ path: ["now"], message: "must be a function returning a Date" }], {
      package: PKG,
    });
  }
  return { http, now: now ?? (() => new Date()) };
}
