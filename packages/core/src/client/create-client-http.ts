import type { KeystoneAuth } from "../auth/keystone.js";
import { tokenAuth } from "../auth/token.js";
import { InvalidInputError } from "../errors.js";
import { createHttpClient, type HttpClient } from "../http/client.js";
import type { BaseUrl } from "../http/types.js";
import type { ClientInput, ClientOptions, ClientSpec } from "./options.js";

const OPTION_NAMES = new Set<string>([
  "baseUrl",
  "token",
  "auth",
  "endpoint",
  "dispatcher",
  "middleware",
  "retry",
  "timeoutMs",
  "userAgent",
  "logger",
  "headers",
]);

/** True for an `HttpClient` (rather than options). @public */
export function isHttpClient(value: unknown): value is HttpClient {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as HttpClient).request === "function" &&
    typeof (value as HttpClient).paginate === "function"
  );
}

/**
 * The `HttpClient` of one API client, from the caller's {@link ClientOptions} and the package's
 * {@link ClientSpec}: base URL (given, or found in the Keystone catalog), `token` sent the service's way,
 * the one retry loop, logging, the package's error mapping. An `HttpClient` given instead of options keeps
 * its transport and auth and gets the package's error mapping. Options that are not the client's own
 * (`extra`) are left for the package to read.
 * @public
 */
export function createClientHttp(
  spec: ClientSpec,
  input: ClientInput,
  extra: readonly string[] = [],
): HttpClient {
  if (isHttpClient(input)) {
    // The caller's transport and auth stay; the service's own rules (errors, headers it expects) are added.
    return input.with({
      mapError: spec.mapError,
      packageName: spec.packageName,
      headers: { ...spec.headers },
    });
  }
  const options = input as ClientOptions;
  const fail = (field: string, message: string): never => {
    throw new InvalidInputError([{ path: [field], message }], { package: spec.packageName });
  };
  if (typeof options !== "object" || options === null) fail("options", "must be an object");
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key) && !extra.includes(key)) fail(key, "is not an option of this client");
  }
  if (options.token !== undefined && options.auth !== undefined)
    fail("token", "give token or auth, not both");
  if (options.token !== undefined && (typeof options.token !== "string" || options.token.trim() === "")) {
    fail("token", "must be a non-empty string");
  }
  if (spec.requiresAuth && options.token === undefined && options.auth === undefined) {
    fail("token", "is required (or auth)");
  }
  const auth =
    options.token !== undefined
      ? tokenAuth({
          token: options.token,
          ...(spec.token?.header ? { header: spec.token.header } : {}),
          ...(spec.token?.scheme ? { scheme: spec.token.scheme } : {}),
        })
      : options.auth;
  return createHttpClient({
    baseUrl: baseUrlOf(spec, options, fail),
    auth,
    dispatcher: options.dispatcher,
    middleware: options.middleware,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    userAgent: [options.userAgent, spec.userAgent].filter(Boolean).join(" ") || undefined,
    logger: options.logger,
    headers: { ...spec.headers, ...options.headers },
    packageName: spec.packageName,
    mapError: spec.mapError,
  });
}

function baseUrlOf(spec: ClientSpec, options: ClientOptions, fail: (f: string, m: string) => never): BaseUrl {
  const { baseUrl } = options;
  if (typeof baseUrl === "string" || baseUrl instanceof URL) {
    const text = String(baseUrl);
    return spec.normaliseBaseUrl ? spec.normaliseBaseUrl(text) : text;
  }
  if (typeof baseUrl === "function") return baseUrl;
  if (baseUrl !== undefined) fail("baseUrl", "must be a URL or a resolver function");
  const keystone = options.auth as Partial<KeystoneAuth> | undefined;
  if (typeof keystone?.endpoint === "function" && spec.catalog) {
    return keystone.endpoint({ ...spec.catalog, ...options.endpoint });
  }
  const where = spec.catalog ? ` unless auth is keystoneAuth (catalog type ${spec.catalog.type})` : "";
  return fail("baseUrl", `is required${where}`);
}
