/**
 * Finding CloudKitty: a URL the user gave, one named by the environment, or the project's own (started from
 * Debian's packages by `@meterkit/services`). When the automatic one cannot start, the demo carries on with
 * the local rating engine and says why in one line.
 */
import { keystoneAuth, noAuth, redactText } from "@meterkit/core";
import { createHashMapClient } from "@meterkit/rating-hashmap-client";
import type { DemoOptions, KeystoneSettings } from "../cli/options.js";
import type { ServiceInfo } from "../report/model.js";
import type { CloudKittyHandle } from "../steps/rating.js";

type Ensure = (names: ["cloudkitty"]) => Promise<Record<string, string>>;

/** The first line of an error, without secrets: enough to say why in one line. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactText(text.split("\n").find((l) => l.trim() !== "") ?? text).trim();
}

function client(url: string, keystone: KeystoneSettings | undefined) {
  const auth = keystone
    ? keystoneAuth({
        authUrl: keystone.authUrl,
        username: keystone.username,
        password: keystone.password,
        userDomainName: keystone.domain,
        projectName: keystone.projectName,
        projectDomainName: keystone.domain,
      })
    : noAuth;
  return createHashMapClient({ baseUrl: url, auth });
}

function fromEnv(
  env: Record<string, string | undefined>,
): { url: string; keystone?: KeystoneSettings } | undefined {
  const { MK_CLOUDKITTY_URL: url, MK_KEYSTONE_URL: authUrl, MK_KEYSTONE_ADMIN_PASSWORD: password } = env;
  if (url && authUrl && password)
    return {
      url,
      keystone: {
        authUrl,
        username: env.MK_KEYSTONE_ADMIN_USER ?? "admin",
        password,
        projectName: env.MK_KEYSTONE_ADMIN_PROJECT ?? "admin",
        domain: "Default",
      },
    };
  if (env.MK_CLOUDKITTY_NOAUTH_URL) return { url: env.MK_CLOUDKITTY_NOAUTH_URL };
  return undefined;
}

/** Connects to CloudKitty (checking the HashMap module answers) or explains why the local engine prices alone. */
export async function connectCloudKitty(
  options: DemoOptions,
  env: NodeJS.ProcessEnv,
  ensure: Ensure,
): Promise<{ handle: CloudKittyHandle; info: ServiceInfo; started?: Record<string, string> }> {
  const none = (note: string) => ({
    handle: { note },
    info: { name: "cloudkitty" as const, kind: "local" as const, url: null, auth: "none", note },
  });
  if (options.noCloudKitty) return none("disabled by --no-cloudkitty");
  let target: { url: string; keystone?: KeystoneSettings | undefined } | undefined;
  let explicit = false;
  if (options.cloudkittyUrl) {
    target = { url: options.cloudkittyUrl, keystone: options.keystone };
    explicit = true;
  } else target = fromEnv(env);
  let started: Record<string, string> | undefined;
  if (!target) {
    try {
      started = await ensure(["cloudkitty"]);
      target = fromEnv(started);
    } catch (error) {
      return none(`CloudKitty could not be started: ${oneLine(error)}`);
    }
    if (!target) return none("CloudKitty could not be started: tooling/services gave no CloudKitty URL");
  }
  const hashmap = client(target.url, target.keystone);
  try {
    await hashmap.module.get();
  } catch (error) {
    // A URL the user named must work; the automatic one may fall back.
    if (explicit) throw error;
    return {
      ...none(`CloudKitty at ${target.url} did not answer: ${oneLine(error)}`),
      ...(started ? { started } : {}),
    };
  }
  return {
    ...(started ? { started } : {}),
    handle: { client: hashmap },
    info: {
      name: "cloudkitty",
      kind: "real",
      url: target.url,
      auth: target.keystone
        ? `Keystone (${target.keystone.username}@${target.keystone.projectName})`
        : "none",
    },
  };
}
