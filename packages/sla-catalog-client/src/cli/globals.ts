/** The options every tool takes: where the catalog is and the token to send. */
import { type CliIo, type CommandContext, type OptionSpec, UsageError } from "@meterkit/core/cli";
import { type CatalogClient, createCatalogClient } from "../client.js";

/** The environment variable of the catalog's base URL, used when neither -url nor -host/-port is given. */
export const URL_ENV = "SLA_CATALOG_URL";

/** Global options: the seed's `-host` and `-port`, plus `-url` and `-token`. */
export const GLOBALS: readonly OptionSpec[] = [
  { name: "host", valueName: "HOST", help: "SLA catalog host", defaultText: "localhost" },
  { name: "port", valueName: "PORT", help: "SLA catalog port", defaultText: "8080" },
  {
    name: "url",
    valueName: "URL",
    // Not the kit's `env`: an explicit -host/-port must win over the environment's URL, which the kit
    // cannot tell apart from a -url flag once it has filled it in.
    help: `Base URL (overrides -host and -port), e.g. http://h:8080/sla-catalog/v1 (env ${URL_ENV})`,
  },
  {
    name: "token",
    valueName: "TOKEN",
    env: "SLA_CATALOG_TOKEN",
    help: "Bearer token (the service does not check it yet)",
  },
];

type Globals = CommandContext["globals"];

/** The catalog's base URL: -url, else -host/-port, else $SLA_CATALOG_URL, else localhost:8080. */
export function baseUrlOf(globals: Globals, env: CliIo["env"]): string {
  const flagUrl = globals.url as string | undefined;
  const explicitHost = globals.host !== undefined || globals.port !== undefined;
  const url = flagUrl ?? (explicitHost ? undefined : env[URL_ENV] || undefined);
  if (url !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`-url must be an absolute URL, got ${url}`);
    }
    if (parsed.pathname === "/" || parsed.pathname === "") parsed.pathname = "/sla-catalog/v1";
    return parsed.href;
  }
  const host = (globals.host as string | undefined) ?? "localhost";
  const port = (globals.port as string | undefined) ?? "8080";
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    throw new UsageError(`-port must be a TCP port, got ${port}`);
  }
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}/sla-catalog/v1`;
}

/** The client every tool uses, from the global options. */
export function clientOf(globals: Globals, io: CliIo): CatalogClient {
  const token = globals.token as string | undefined;
  return createCatalogClient({
    baseUrl: baseUrlOf(globals, io.env),
    ...(token ? { token } : {}),
    timeoutMs: 30_000,
    userAgent: "sla-catalog-cli",
    dispatcher: io.dispatcher,
  });
}
