/**
 * How a HashMap client is built: what this package declares about CloudKitty once (`SPEC`), and the context
 * every operation receives.
 */
import { type ClientOptions, type ClientSpec, createClientHttp, type HttpClient } from "@meterkit/core";
import { mapHashMapError } from "./errors.js";
import { PKG } from "./inputs.js";

/**
 * CloudKitty as every meterkit client sees a service: its token in `X-Auth-Token`, its Keystone catalog type
 * `rating` (that URL has no `/v1`; the operations' paths carry it, so a given `…/v1` is dropped), and its
 * three error shapes read by {@link mapHashMapError}.
 */
const SPEC: ClientSpec = {
  packageName: PKG,
  userAgent: "meterkit-rating-hashmap-client",
  token: { header: "X-Auth-Token" },
  catalog: { type: "rating" },
  normaliseBaseUrl: (url) => url.replace(/\/v1\/?$/, ""),
  mapError: mapHashMapError,
};

/**
 * Options of {@link createHashMapClient}: core's client options, nothing else. `baseUrl` is CloudKitty's
 * root (e.g. `http://127.0.0.1:8889`; a trailing `/v1` is dropped); with `keystoneAuth` it may be left out,
 * then the catalog's `rating` endpoint is used (`endpoint` picks interface and region).
 * @public
 */
export interface HashMapClientOptions extends ClientOptions {}

/** What every HashMap operation receives: the core HTTP client, with this package's error mapping. @public */
export interface HashMapContext {
  /** The underlying core HTTP client. */
  readonly http: HttpClient;
}

/**
 * The context the standalone operations take (`createMapping(context, input)`), from options or from an
 * `HttpClient` you already have (it keeps its transport and auth and gets this package's errors).
 * @public
 */
export function createHashMapContext(options: HashMapClientOptions | HttpClient): HashMapContext {
  return { http: createClientHttp(SPEC, options) };
}
