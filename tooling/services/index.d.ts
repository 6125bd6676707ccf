/** A service `services.sh` can start. Dependencies come along: `cloudkitty` also starts `keystone` and `postgres`. */
export type ServiceName = "postgres" | "keystone" | "cloudkitty";

/** Options for {@link ensureServices}. */
export interface EnsureServicesOptions {
  /** Workdir holding state, data and logs; default `$MK_SERVICES_DIR`, else `<repo>/.services`. */
  servicesDir?: string;
}

/**
 * Starts the named services unless they already run (idempotent; concurrent callers, even in other
 * processes, wait on one lock and get the same instances), then returns `services.sh env` as a record.
 *
 * Keys: `MK_PG_URL` (postgres), `MK_KEYSTONE_URL` (ends in `/v3`), `MK_KEYSTONE_ADMIN_USER`,
 * `MK_KEYSTONE_ADMIN_PASSWORD`, `MK_KEYSTONE_ADMIN_PROJECT`, `MK_KEYSTONE_DEMO_USER`,
 * `MK_KEYSTONE_DEMO_PASSWORD`, `MK_KEYSTONE_DEMO_PROJECT`, `MK_KEYSTONE_REGION`, `MK_KEYSTONE_RATING_URL`
 * (the catalog's CloudKitty URL, set even before CloudKitty runs) (keystone),
 * `MK_CLOUDKITTY_URL` (keystone-protected, no `/v1`), `MK_CLOUDKITTY_NOAUTH_URL` (cloudkitty),
 * plus `MK_SERVICES_DIR` and `MK_PG_SOCKET_DIR`. Services started by other callers appear too.
 *
 * Nothing is stopped at the end: wrap the whole run in `services.sh run -- …` (the root `test`
 * script does) or call `services.sh down`.
 *
 * @throws TypeError naming the bad entry of `names`, before anything is started.
 * @throws Error with the tail of the script's log when a service fails to start.
 */
export declare function ensureServices(
  names: readonly ServiceName[],
  options?: EnsureServicesOptions,
): Promise<Record<string, string>>;

/** Parses `KEY=value` lines as printed by `services.sh env`; other lines are ignored. */
export declare function parseServicesEnv(text: string): Record<string, string>;
