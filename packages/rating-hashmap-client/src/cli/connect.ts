/** How the CLI reaches CloudKitty: `--url`/`CLOUDKITTY_URL`, or Keystone from the usual `OS_*` variables. */
import { keystoneAuth, tokenAuth } from "@meterkit/core";
import { createHashMapClient, type HashMapClient } from "../client.js";

/** Build the client from flags and environment. @internal */
export function connect(url: string | undefined, env: NodeJS.ProcessEnv): HashMapClient {
  const baseUrl =
    url ?? env.CLOUDKITTY_URL ?? (env.OS_AUTH_TYPE === "cloudkitty-noauth" ? env.OS_ENDPOINT : undefined);
  if (env.OS_TOKEN && baseUrl)
    return createHashMapClient({ baseUrl, auth: tokenAuth({ token: env.OS_TOKEN, header: "X-Auth-Token" }) });
  if (env.OS_AUTH_URL && env.OS_PASSWORD) {
    const keystone = keystoneAuth({
      authUrl: env.OS_AUTH_URL,
      username: env.OS_USERNAME ?? "admin",
      password: env.OS_PASSWORD,
      projectName: env.OS_PROJECT_NAME ?? "admin",
      userDomainName: env.OS_USER_DOMAIN_NAME ?? "Default",
      projectDomainName: env.OS_PROJECT_DOMAIN_NAME ?? "Default",
    });
    const region = env.OS_REGION_NAME ? { region: env.OS_REGION_NAME } : {};
    return baseUrl
      ? createHashMapClient({ baseUrl, auth: keystone })
      : createHashMapClient({ auth: keystone, endpoint: region });
  }
  if (!baseUrl)
    throw new Error(
      "[@meterkit/rating-hashmap-client] give --url (or CLOUDKITTY_URL), or OS_AUTH_URL/OS_PASSWORD for Keystone",
    );
  return createHashMapClient({ baseUrl });
}
