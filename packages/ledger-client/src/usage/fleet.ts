/**
 * Usage of many tenants: one `entities.list` per tenant (Almanach has no pagination: a tenant's period is
 * one response), at most `concurrency` in flight, results yielded in the tenants' order as they arrive. At
 * most `concurrency` tenants' rows are held at once, so memory stays flat however many tenants there are.
 */
import type { CallOptions } from "@meterkit/core";
import type { AlmanachClient } from "../client.js";
import { computeUsage, planUsage, type Usage, type UsageOptions } from "./compute.js";

/** Options of {@link fleetUsage}. @public */
export interface FleetUsageOptions extends UsageOptions {
  /** Tenant ids, from an array or any (async) iterable, e.g. a Keystone project listing. */
  tenants: Iterable<string> | AsyncIterable<string>;
  /** Tenants fetched at once; default 4. */
  concurrency?: number | undefined;
}

/** One tenant's usage. @public */
export interface TenantUsage {
  tenantId: string;
  usage: Usage[];
}

/**
 * Yields each tenant's usage over the period. A failed fetch (or an overlapping-rows error) ends the
 * iteration with that error; `break` stops fetching further tenants.
 * @public
 */
export async function* fleetUsage(
  client: Pick<AlmanachClient, "entities">,
  options: FleetUsageOptions,
  callOptions?: CallOptions,
): AsyncGenerator<TenantUsage> {
  const { tenants, concurrency = 4, ...usageOptions } = options;
  planUsage(usageOptions); // bad options fail before the first request
  const limit = Math.max(1, Math.floor(concurrency));
  const fetchOne = async (tenantId: string): Promise<TenantUsage> => {
    const rows = await client.entities.list(
      { tenantId, start: usageOptions.from, end: usageOptions.to },
      callOptions,
    );
    return { tenantId, usage: computeUsage(rows, usageOptions) };
  };
  const window: Promise<TenantUsage>[] = [];
  const source = (Symbol.asyncIterator in tenants ? tenants : toAsync(tenants))[Symbol.asyncIterator]();
  let exhausted = false;
  const fill = async () => {
    while (!exhausted && window.length < limit) {
      const next = await source.next();
      if (next.done) exhausted = true;
      else {
        const pending = fetchOne(next.value);
        pending.catch(() => {}); // surfaced when its turn comes; never an unhandled rejection meanwhile
        window.push(pending);
      }
    }
  };
  try {
    await fill();
    while (window.length > 0) {
      const result = await (window.shift() as Promise<TenantUsage>);
      await fill();
      yield result;
    }
  } finally {
    await source.return?.();
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
