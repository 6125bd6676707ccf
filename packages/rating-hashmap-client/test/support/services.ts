import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createHashMapClient, type HashMapClient } from "../../src/index.js";

/** The services' URLs (empty when MK_SKIP_SERVICES=1). */
export const services = inject("services");
/** True when the real CloudKitty runs for this test run. */
export const haveCloudKitty = Boolean(services.MK_CLOUDKITTY_NOAUTH_URL);

/** A client of the noauth CloudKitty instance. */
export function noauthClient(): HashMapClient {
  return createHashMapClient({ baseUrl: services.MK_CLOUDKITTY_NOAUTH_URL ?? "http://127.0.0.1:9" });
}

/** A name no other test (or earlier run) uses: the server is shared and keeps its data. */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}

/** The same field sets compared by id, whatever order the server lists them in. */
export function byId<T extends Record<string, unknown>>(key: keyof T, items: readonly T[]): T[] {
  return [...items].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}
