/**
 * cloudkitty's `--os-*` options (keystoneauth's password, token and application-credential plugins,
 * os-client-config's service options with cloudkitty's `rating` keys; `cloudkitty --help`), each backed by
 * the `OS_*` variable of the same name, which is what `connect` reads: a flag given wins over the variable.
 * TLS (`--insecure`, `--os-cacert`…), `--os-cloud` (clouds.yaml) and `--timeout` are not supported: an
 * unknown option is a usage error, never silently ignored. The password and secrets appear in no message.
 */
import type { OptionSpec } from "@meterkit/core/cli";

/** `[flag, help, aliases]`; the variable is the flag in capitals with underscores (`--os-auth-url` → `OS_AUTH_URL`). */
const OS: readonly (readonly [string, string, (readonly string[])?])[] = [
  ["os-auth-url", "Authentication URL (Keystone v3)"],
  [
    "os-auth-type",
    "Authentication type: password, token, v3applicationcredential, cloudkitty-noauth",
    ["os-auth-plugin"],
  ],
  ["os-username", "Username", ["os-user-name"]],
  ["os-user-id", "User id"],
  ["os-password", "User's password"],
  ["os-user-domain-name", "User's domain name"],
  ["os-user-domain-id", "User's domain id"],
  ["os-project-name", "Project name to scope to", ["os-tenant-name"]],
  ["os-project-id", "Project ID to scope to", ["os-tenant-id"]],
  ["os-project-domain-name", "Domain name containing project"],
  ["os-project-domain-id", "Domain ID containing project"],
  ["os-default-domain-name", "Domain name for the user and the project when theirs are not given"],
  ["os-default-domain-id", "Domain ID for the user and the project when theirs are not given"],
  ["os-application-credential-id", "Application credential ID"],
  ["os-application-credential-secret", "Application credential secret"],
  ["os-token", "Token (with --os-auth-type token and an endpoint)"],
  ["os-region-name", "Region of the cloud to use"],
  ["os-interface", "API Interface to use [public, internal, admin]"],
  ["os-rating-interface", "API Interface to use for the rating service"],
  ["os-endpoint-override", "Endpoint to use instead of the endpoint in the catalog"],
  ["os-rating-endpoint-override", "Endpoint to use for the rating service instead of the catalog's"],
  ["os-endpoint", "CloudKitty's URL (with --os-auth-type cloudkitty-noauth)"],
];

const envName = (flag: string) => flag.toUpperCase().replaceAll("-", "_");

/** The value's placeholder in help: what kind of value, a secret shown as such. */
function placeholder(flag: string): string {
  if (/password|secret|token/.test(flag)) return "SECRET";
  if (/url|endpoint/.test(flag)) return "URL";
  if (flag.endsWith("-id")) return "ID";
  if (flag.endsWith("name")) return "NAME";
  return flag.endsWith("interface") ? "INTERFACE" : "TYPE";
}

/** The `--os-*` globals. @internal */
export const OS_OPTIONS: readonly OptionSpec[] = OS.map(([name, help, aliases]) => ({
  name,
  help,
  aliases,
  env: envName(name),
  valueName: placeholder(name),
}));

/**
 * The environment `connect` reads: the process's, with each `--os-*` flag given in place of its variable (the
 * kit already fell back on the variable for a flag not given).
 * @internal
 */
export function osEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  globals: Readonly<Record<string, unknown>>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env };
  for (const [name] of OS) {
    const value = globals[name];
    if (typeof value === "string" && value !== "") out[envName(name)] = value;
  }
  return out;
}
