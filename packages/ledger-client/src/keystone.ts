/**
 * The reference's `KeystoneClient`: a domain-scoped token (user domain id `default`, scope domain name
 * `default`) and the Almanach URL found by listing `GET /v3/endpoints?service_id=&region_id=` and keeping the
 * first endpoint of the wanted interface (default `admin`). Built on core's `keystoneAuth`, so the token is
 * cached and shared (the reference authenticated once per call). It makes no Almanach client: it gives the
 * `auth` and the `baseUrl` resolver that `createAlmanachClient` takes.
 */
import {
  type BaseUrl,
  type CallOptions,
  createHttpClient,
  findEndpoint,
  type HttpClientOptions,
  isSdkError,
  type KeystoneAuth,
  keystoneAuth,
  lazySchema,
} from "@meterkit/core";
import { z } from "zod";
import { AlmanachEndpointNotFoundError } from "./errors.js";
import { check } from "./input.js";
import { PKG } from "./package-name.js";

/** Endpoint interfaces Keystone knows. @public */
export type EndpointInterface = "public" | "internal" | "admin";

/** Options of {@link AlmanachKeystoneClient}, the reference's constructor arguments in camelCase. @public */
export interface AlmanachKeystoneOptions {
  /** Keystone v3 URL (`…/v3`). */
  authUrl: string;
  username: string;
  password: string;
  /**
   * The Almanach service: a Keystone catalog service *name* (as the reference documents `ALMANACH_SERVICE`,
   * default `almanach`), else an id (what the reference sends as `service_id`); see `resolveService`.
   */
  service: string;
  /** Sent as `region_id`; left out when absent. */
  regionName?: string | undefined;
  /** Name of the domain the token is scoped to. Default `default`. */
  domainName?: string | undefined;
  /** Id of the user's domain. Default `default`. */
  userDomainId?: string | undefined;
  /** The undici dispatcher of the Keystone requests. */
  dispatcher?: HttpClientOptions["dispatcher"];
  /** core middleware around the Keystone requests. */
  middleware?: HttpClientOptions["middleware"];
  /** Time limit of one Keystone request in ms. */
  timeoutMs?: number | undefined;
}

/** Which endpoint of the Almanach service to use: its interface. Default `admin`, as the reference. @public */
export interface EndpointLookupInput {
  interface?: EndpointInterface | undefined;
}

const Options = lazySchema(() =>
  z.object({
    authUrl: z.string().url("must be an absolute URL"),
    username: z.string().min(1, "must not be empty"),
    password: z.string().min(1, "must not be empty"),
    service: z.string().min(1, "must not be empty"),
    regionName: z.string().min(1).optional(),
    domainName: z.string().min(1).optional(),
    userDomainId: z.string().min(1).optional(),
  }),
);

const EndpointLookup = lazySchema(() =>
  z.strictObject({
    interface: z
      .enum(["public", "internal", "admin"], { error: "must be public, internal or admin" })
      .optional(),
  }),
);
const NoInput = lazySchema(() => z.strictObject({}));

const ServiceList = lazySchema(() =>
  z.object({
    services: z.array(z.object({ id: z.string(), name: z.string().optional() }).loose()),
  }),
);

const EndpointList = lazySchema(() =>
  z.object({
    endpoints: z.array(z.object({ interface: z.string(), url: z.string() }).loose()),
  }),
);

/**
 * Keystone helper with the reference's wire behaviour: `auth` and `endpoint()` are the `auth` and `baseUrl`
 * of `createAlmanachClient`.
 * @example
 * ```ts
 * const ks = new AlmanachKeystoneClient({ authUrl, username, password, service: serviceId });
 * const almanach = createAlmanachClient({ baseUrl: ks.endpoint({ interface: "admin" }), auth: ks.auth });
 * ```
 * @public
 */
export class AlmanachKeystoneClient {
  /** core's Keystone strategy: pass it as `auth` to `createAlmanachClient` to send its token. */
  readonly auth: KeystoneAuth;
  readonly #options: AlmanachKeystoneOptions;

  constructor(options: AlmanachKeystoneOptions) {
    check(Options, options);
    this.#options = options;
    this.auth = keystoneAuth({
      authUrl: options.authUrl,
      username: options.username,
      password: options.password,
      userDomainId: options.userDomainId ?? "default",
      domainName: options.domainName ?? "default",
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      ...(options.middleware ? { middleware: options.middleware } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }

  /** A Keystone token (`X-Subject-Token`); the input is empty. */
  async getToken(input: Record<string, never> = {}, options?: CallOptions): Promise<string> {
    check(NoInput, input);
    return (await this.auth.token(options?.signal ? { signal: options.signal } : {})).token;
  }

  /** The Almanach URL of the first endpoint with this interface (default `admin`), as the reference finds it. */
  async getEndpointUrl(input: EndpointLookupInput = {}, options?: CallOptions): Promise<string> {
    const visibility = check(EndpointLookup, input).interface ?? "admin";
    const token = await this.auth.token(options?.signal ? { signal: options.signal } : {});
    const identity = identityUrl(token.catalog, this.#options.authUrl);
    const http = createHttpClient({
      baseUrl: identity,
      auth: this.auth,
      dispatcher: this.#options.dispatcher,
      middleware: this.#options.middleware,
      timeoutMs: this.#options.timeoutMs,
      packageName: PKG,
    });
    const service = await this.resolveService({}, options);
    const query = { service_id: service.id, region_id: this.#options.regionName };
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
      `service_id=${service.id} (ALMANACH_SERVICE matched by ${service.matchedBy})${region}, interface=${visibility}`,
    );
  }

  /**
   * The Almanach service: `service` as a Keystone catalog service *name* first (`GET /v3/services?name=`,
   * as the reference documents `ALMANACH_SERVICE`), then as an id (what the reference sends). `matchedBy`
   * says which. A token that may not list services (403) falls back to the id.
   */
  async resolveService(
    input: Record<string, never> = {},
    options?: CallOptions,
  ): Promise<{ id: string; matchedBy: "name" | "id" }> {
    check(NoInput, input);
    const token = await this.auth.token(options?.signal ? { signal: options.signal } : {});
    const http = createHttpClient({
      baseUrl: identityUrl(token.catalog, this.#options.authUrl),
      auth: this.auth,
      dispatcher: this.#options.dispatcher,
      middleware: this.#options.middleware,
      timeoutMs: this.#options.timeoutMs,
      packageName: PKG,
    });
    try {
      const { data } = await http.request({
        ...options,
        method: "GET",
        path: "/services",
        query: { name: this.#options.service },
        schema: ServiceList,
      });
      const named = data.services.find((s) => s.name === this.#options.service);
      if (named) return { id: named.id, matchedBy: "name" };
    } catch (error) {
      if (!isSdkError(error, "http_error") || error.status !== 403) throw error;
    }
    return { id: this.#options.service, matchedBy: "id" };
  }

  /**
   * A base URL resolver for `createAlmanachClient({ baseUrl })`: the endpoint of `getEndpointUrl`, looked up
   * once, on the first call.
   */
  endpoint(input: EndpointLookupInput = {}): BaseUrl {
    check(EndpointLookup, input);
    let found: Promise<string> | undefined;
    return ({ signal }) => {
      found ??= this.getEndpointUrl(input, signal ? { signal } : undefined).catch((error: unknown) => {
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
