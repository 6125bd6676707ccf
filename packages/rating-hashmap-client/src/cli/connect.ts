/** How the CLI reaches CloudKitty: `--url`/`CLOUDKITTY_URL`, or Keystone from the usual `OS_*` variables. */
import { keystoneAuth } from "@meterkit/core";
import { type CliIo, UsageError } from "@meterkit/core/cli";
import { createHashMapClient, type HashMapClient } from "../client.js";

/** Build the client from the `--url` global (flag or `CLOUDKITTY_URL`) and the `OS_*` environment. @internal */
export function connect(url: string | undefined, io: CliIo): HashMapClient {
  const { env, dispatcher } = io;
  const baseUrl = url ?? (env.OS_AUTH_TYPE === "cloudkitty-noauth" ? env.OS_ENDPOINT : undefined);
  const transport = dispatcher ? { dispatcher } : {};
  if (env.OS_TOKEN && baseUrl) return createHashMapClient({ baseUrl, token: env.OS_TOKEN, ...transport });
  if (env.OS_AUTH_URL && env.OS_PASSWORD) {
    const auth = keystoneAuth({
      authUrl: env.OS_AUTH_URL,
      username: env.OS_USERNAME ?? "admin",
      password: env.OS_PASSWORD,
      projectName: env.OS_PROJECT_NAME ?? "admin",
      userDomainName: env.OS_USER_DOMAIN_NAME ?? "Default",
      projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? "Default",
      ...transport,
    });
    const endpoint = env.OS_REGION_NAME ? { region: env.OS_REGION_NAME } : {};
    return baseUrl
      ? createHashMapClient({ baseUrl, auth, ...transport })
      : createHashMapClient({ auth, endpoint, ...transport });
  }
  if (!baseUrl) {
    throw new UsageError("give --url (or CLOUDKITTY_URL), or OS_AUTH_URL and OS_PASSWORD for Keystone");
  }
  return createHashMapClient({ baseUrl, ...transport });
}
