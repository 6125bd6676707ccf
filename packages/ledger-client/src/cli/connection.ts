/**
 * How `almanach` connects, from its global options (each falls back on its environment variable): a given
 * URL and token, or Keystone (the reference's lookup by service id and admin interface, or ours by type).
 */
import type { BaseUrl } from "@meterkit/core";
import { type CliIo, type CommandContext, UsageError } from "@meterkit/core/cli";
import { type AlmanachClient, createAlmanachClient } from "../client.js";
import { AlmanachKeystoneClient } from "../keystone.js";

/** What the commands share: the client, and the base URL it uses. @internal */
export interface Connection {
  readonly client: AlmanachClient;
  /** The Almanach base URL: given, or looked up in Keystone. */
  endpointUrl(): Promise<string>;
}

/** Build the connection from the global option values. @internal */
export function connect(globals: CommandContext["globals"], io: CliIo): Connection {
  const get = (name: string): string | undefined => {
    const value = globals[name];
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const url = get("almanach-url");
  const token = get("almanach-token");
  const region = get("os-region-name");
  let keystone: AlmanachKeystoneClient | undefined;
  if (!url || !token) {
    const authUrl = get("os-auth-url");
    const username = get("os-username");
    const password = get("os-password");
    const missing = [
      !authUrl && "OS_AUTH_URL",
      !username && "OS_USERNAME",
      !password && "OS_PASSWORD",
    ].filter(Boolean);
    if (!authUrl || !username || !password) {
      throw new UsageError(
        `set ALMANACH_URL and ALMANACH_TOKEN, or Keystone credentials (missing: ${missing.join(", ")})`,
      );
    }
    keystone = new AlmanachKeystoneClient({
      authUrl,
      username,
      password,
      service: get("almanach-service") ?? "almanach",
      regionName: region,
      domainName: get("os-domain-name"),
      userDomainId: get("os-user-domain-id"),
      dispatcher: io.dispatcher,
    });
  }
  const baseUrl = baseUrlOf(url, keystone, get("almanach-service-type"), region);
  const client = createAlmanachClient({
    baseUrl,
    ...(token ? { token } : { auth: keystone?.auth }),
    dispatcher: io.dispatcher,
  });
  return {
    client,
    endpointUrl: async () => String(typeof baseUrl === "function" ? await baseUrl({}) : baseUrl),
  };
}

// The reference looks Almanach up by service id and the admin interface; ALMANACH_SERVICE_TYPE (ours)
// looks it up by type in the token's catalog instead.
function baseUrlOf(
  url: string | undefined,
  keystone: AlmanachKeystoneClient | undefined,
  serviceType: string | undefined,
  region: string | undefined,
): BaseUrl {
  if (url) return url;
  const ks = keystone as AlmanachKeystoneClient; // set whenever the URL is not given
  if (!serviceType) return ks.endpoint({ interface: "admin" });
  return ks.auth.endpoint({ type: serviceType, interface: "admin", ...(region ? { region } : {}) });
}
