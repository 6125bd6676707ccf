/**
 * The reference's `KeystoneClient`: a domain-scoped token (user domain id `default`, scope domain name
 * `default`) and the Almanach URL found by listing `GET /v3/endpoints?service_id=&region_id=` and keeping the
 * first endpoint of the wanted interface (default `admin`). Built on core's `keystoneAuth`, so the token is
 * cached and shared (the reference authenticated once per call).
 */
import {
  type BaseUrl,
  type CallOptions,
  createHttpClient,
  findEndpoint,
  type HttpClientOptions,
  type KeystoneAuth,
  keystoneAuth,
} from "@meterkit/core";
import { z } from "zod";
import { PKG, validate } from "./context.js";
import { AlmanachEndpointNotFoundError } from "./errors.js";

/** Endpoint interfaces Keystone knows. @public */
export type EndpointInterface = "public" | "internal" | "admin";

/** Options of {@link AlmanachKeystoneClient}, the reference's constructor arguments in camelCase. @public */
export interface AlmanachKeystoneOptions {
  /** Keystone v3 URL (`…/v3`). */
  authUrl: string;
  username: string;
  password: string;
  /**
   * The Almanach service **id**. The reference documents a service name (`ALMANACH_SERVICE`, default
   * `almanach`) but sends it as `service_id`, which Keystone compares with ids only.
   */
  service: string;
  /** Sent as `region_id`; left out when absent. */
  regionName?: string | undefined;
  /** Name of the domain the token is scoped to. Default `default`. */
  domainName?: string | undefined;
  /** Id of the user's domain. Default `default`. */
  userDomainId?: string | undefined;
  dispatcher?: HttpClientOptions["dispatcher"];
  timeoutMs?: number | undefined;
}

const Options = z.object({
  authUrl: z.string().url("must be an absolute URL"),
  username: z.string().min(1, "must not be empty"),
  password: z.string().min(1, "must not be empty"),
  service: z.string().min(1, "must not be empty"),
  regionName: z.string().min(1).optional(),
  domainName: z.string().min(1).optional(),
  userDomainId: z.string().min(1).optional(),
});

const EndpointList = z.object({
  endpoints: z.array(z.object({ interface: z.string(), url: z.string() }).loose()),
});

/** Keystone helper with the reference's wire behaviour. @public */
export class AlmanachKeystoneClient {
  /** Core's Keystone strategy: pass it as `keystone` to `AlmanachClient` to send its token. */
  readonly auth: KeystoneAuth;
  readonly #options: AlmanachKeystoneOptions;

  constructor(options: AlmanachKeystoneOptions) {
    validate(Options, options);
    this.#options = options;
    this.auth = keystoneAuth({
      authUrl: options.authUrl,
      username: options.username,
      password: options.password,
      userDomainId: options.userDomainId ?? "default",
      domainName: options.domainName ?? "default",
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }

  /** A Keystone token (`X-Subject-Token`). */
  async getToken(options?: CallOptions): Promise<string> {
    return (await this.auth.token(options?.signal ? { signal: options.signal } : {})).token;
  }

  /** The Almanach URL of the first endpoint with this interface (default `admin`), as the reference finds it. */
  async getEndpointUrl(visibility: EndpointInterface = "admin", options?: CallOptions): Promise<string> {
    const token = await this.auth.token(options?.signal ? { signal: options.signal } : {});
    const identity = identityUrl(token.catalog, this.#options.authUrl);
    const http = createHttpClient({
      baseUrl: identity,
      auth: this.auth,
      dispatcher: this.#options.dispatcher,
      packageName: PKG,
    });
    const query = { service_id: this.#options.service, region_id: this.#options.regionName };
    const { data } = await http.request({
      ...options,
      method: "GET",
      path: "/endpoints",
      query,
      schema: EndpointList,
    });
    const found = data.endpoints.find((e) => e.interface === visibility);
    if (found) return found.url;
    const region = this.#options.regionName ? `, region_id=${this.#options.regionName}` : "";
    throw new AlmanachEndpointNotFoundError(
      `service_id=${this.#options.service}${region}, interface=${visibility}`,
    );
  }

  /** A base URL resolver for `AlmanachClient({ url })`: looked up once, on the first call. */
  endpoint(visibility: EndpointInterface = "admin"): BaseUrl {
    let found: Promise<string> | undefined;
    return ({ signal }) => {
      found ??= this.getEndpointUrl(visibility, signal ? { signal } : undefined).catch((error: unknown) => {
        found = undefined; // a failed lookup is retried by the next call
        throw error;
      });
      return found;
    };
  }
}

// python-keystoneclient talks to the identity endpoint of the catalog (its default interface is admin).
function identityUrl(catalog: Parameters<typeof findEndpoint>[0], authUrl: string): string {
  let url = authUrl;
  try {
    url = findEndpoint(catalog, { type: "identity", interface: "admin" });
  } catch {
    // No identity entry: the auth URL is the identity endpoint.
  }
  const trimmed = url.replace(/\/+$/, "");
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}
