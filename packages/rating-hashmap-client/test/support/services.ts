import { randomUUID } from "node:crypto";
import { type KeystoneAuth, keystoneAuth } from "@meterkit/core";
import { inject } from "vitest";
import { createHashMapClient, type HashMapClient, type UsageRecord } from "../../src/index.js";

/** The services' URLs (empty when MK_SKIP_SERVICES=1). */
export const services = inject("services");
/** True when the real CloudKitty runs for this test run. */
export const haveCloudKitty = Boolean(services.MK_CLOUDKITTY_NOAUTH_URL);

/** A client of the noauth CloudKitty instance. */
export function noauthClient(): HashMapClient {
  return createHashMapClient({ baseUrl: services.MK_CLOUDKITTY_NOAUTH_URL ?? "http://127.0.0.1:9" });
}

/**
 * A noauth client that retries GETs: CloudKitty's lists read ids and then each row, so a concurrent delete
 * (other workers of the property test) can make one list answer 500.
 */
export function retryingClient(): HashMapClient {
  return createHashMapClient({
    baseUrl: services.MK_CLOUDKITTY_NOAUTH_URL ?? "http://127.0.0.1:9",
    retry: { maxAttempts: 5, baseDelayMs: 20 },
  });
}

/** A name no other test (or earlier run) uses: the server is shared and keeps its data. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}

/** The same field sets compared by id, whatever order the server lists them in. */
export function byId<T extends Record<string, unknown>>(key: keyof T, items: readonly T[]): T[] {
  return [...items].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}

/** Keystone v3 password auth for one of the users services.sh registers (admin, or the member `demo`). */
export function keystoneFor(user: "admin" | "demo"): KeystoneAuth {
  const key = user === "admin" ? "ADMIN" : "DEMO";
  return keystoneAuth({
    authUrl: services.MK_KEYSTONE_URL ?? "http://127.0.0.1:9/v3",
    username: services[`MK_KEYSTONE_${key}_USER`] ?? user,
    password: services[`MK_KEYSTONE_${key}_PASSWORD`] ?? "",
    projectName: services[`MK_KEYSTONE_${key}_PROJECT`] ?? user,
    userDomainName: "Default",
    projectDomainName: "Default",
  });
}

/** A client of the Keystone-protected instance, its URL found in the catalog by service type `rating`. */
export function keystoneClient(user: "admin" | "demo" = "admin"): HashMapClient {
  return createHashMapClient({ auth: keystoneFor(user) });
}

/** Both instances, for suites that run once without auth and once behind Keystone. */
export const instances: [string, () => HashMapClient][] = [
  ["noauth", noauthClient],
  ["keystone", () => keystoneClient("admin")],
];

/**
 * The server's quote, asked again when it says "0" but the engine does not: CloudKitty drops the whole hashmap
 * module from a quote ("Could not load 'hashmap'", price "0") when any rule is deleted while it loads, and the
 * shared server may be used by other test runs.
 */
export async function stableQuote(hm: HashMapClient, records: UsageRecord[], local: string): Promise<string> {
  let price = await hm.quote({ resources: records });
  for (let attempt = 0; price === "0" && local !== "0" && attempt < 3; attempt++)
    price = await hm.quote({ resources: records });
  return price;
}
