/**
 * How the CLI reaches CloudKitty: `--url`/`CLOUDKITTY_URL`, or Keystone from the `OS_*` variables an openrc
 * file sets (or the `--os-*` flags standing in for them, `os-options.ts`), read as the OpenStack clients
 * (cloudkitty's os-client-config) read them.
 */
import { keystoneAuth } from "@meterkit/core";
import { type CliIo, UsageError } from "@meterkit/core/cli";
import { createHashMapClient, type HashMapClient } from "../client.js";

type Env = Readonly<Record<string, string | undefined>>;

/** The first of the variables that is set and not empty. */
function first(env: Env, ...names: string[]): string | undefined {
  for (const name of names) if (env[name]) return env[name];
  return undefined;
}

/** `OS_INTERFACE` as keystoneauth reads it (`publicURL` is the old spelling of `public`). */
function endpointInterface(env: Env): "public" | "internal" | "admin" | undefined {
  const value = first(env, "OS_RATING_INTERFACE", "OS_INTERFACE", "OS_ENDPOINT_TYPE")?.replace(/URL$/, "");
  if (value === undefined) return undefined;
  if (value === "public" || value === "internal" || value === "admin") return value;
  throw new UsageError(`OS_INTERFACE must be public, internal or admin, got '${value}'`);
}

/** Keystone options from the environment: a password (user + project) or an application credential. */
function keystoneOptions(env: Env) {
  const set = (entries: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as Record<string, string>;
  if (env.OS_APPLICATION_CREDENTIAL_ID || env.OS_APPLICATION_CREDENTIAL_SECRET) {
    return set({
      applicationCredentialId: env.OS_APPLICATION_CREDENTIAL_ID,
      applicationCredentialSecret: env.OS_APPLICATION_CREDENTIAL_SECRET,
    });
  }
  const userId = first(env, "OS_USER_ID");
  const projectId = first(env, "OS_PROJECT_ID", "OS_TENANT_ID");
  // keystoneauth's default domain stands in for the user's and the project's when theirs is not given.
  const domain = (who: "USER" | "PROJECT") => {
    const id = first(env, `OS_${who}_DOMAIN_ID`);
    const name = first(env, `OS_${who}_DOMAIN_NAME`);
    if (id || name) return { id, name: id ? undefined : name };
    const defaultId = first(env, "OS_DEFAULT_DOMAIN_ID");
    return defaultId ? { id: defaultId } : { name: first(env, "OS_DEFAULT_DOMAIN_NAME") ?? "Default" };
  };
  const user = domain("USER");
  const project = domain("PROJECT");
  return set({
    ...(userId ? { userId } : { username: first(env, "OS_USERNAME") ?? "admin" }),
    password: env.OS_PASSWORD,
    userDomainId: user.id,
    userDomainName: user.name,
    ...(projectId
      ? { projectId }
      : { projectName: first(env, "OS_PROJECT_NAME", "OS_TENANT_NAME") ?? "admin" }),
    projectDomainId: project.id,
    projectDomainName: project.name,
  });
}

/** Build the client from the `--url` global (flag or `CLOUDKITTY_URL`) and the `OS_*` environment. @internal */
export function connect(url: string | undefined, io: CliIo): HashMapClient {
  const { env, dispatcher } = io;
  const override = first(env, "OS_RATING_ENDPOINT_OVERRIDE", "OS_ENDPOINT_OVERRIDE");
  const baseUrl = url ?? (env.OS_AUTH_TYPE === "cloudkitty-noauth" ? env.OS_ENDPOINT : override);
  const transport = dispatcher ? { dispatcher } : {};
  if (env.OS_TOKEN && baseUrl) return createHashMapClient({ baseUrl, token: env.OS_TOKEN, ...transport });
  const credentials = env.OS_PASSWORD || env.OS_APPLICATION_CREDENTIAL_SECRET;
  if (env.OS_AUTH_URL && credentials && env.OS_AUTH_TYPE !== "cloudkitty-noauth") {
    const auth = keystoneAuth({ authUrl: env.OS_AUTH_URL, ...keystoneOptions(env), ...transport });
    const iface = endpointInterface(env);
    const endpoint = {
      ...(env.OS_REGION_NAME ? { region: env.OS_REGION_NAME } : {}),
      ...(iface ? { interface: iface } : {}),
    };
    return baseUrl
      ? createHashMapClient({ baseUrl, auth, ...transport })
      : createHashMapClient({ auth, endpoint, ...transport });
  }
  if (!baseUrl) {
    throw new UsageError(
      "give --url (or CLOUDKITTY_URL), or OS_AUTH_URL with OS_PASSWORD (or an application credential) for Keystone",
    );
  }
  return createHashMapClient({ baseUrl, ...transport });
}
