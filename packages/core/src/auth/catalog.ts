import { EndpointNotFoundError } from "../errors.js";

/** One endpoint of a Keystone catalog entry. @public */
export interface CatalogEndpoint {
  readonly id?: string;
  readonly interface: string;
  readonly region?: string | null;
  readonly region_id?: string | null;
  readonly url: string;
}

/** One service of a Keystone v3 catalog. @public */
export interface CatalogEntry {
  readonly id?: string;
  readonly type: string;
  readonly name?: string;
  readonly endpoints: readonly CatalogEndpoint[];
}

/** How to pick an endpoint: at least one of type, name or id; interface defaults to `public`. @public */
export interface EndpointQuery {
  type?: string;
  name?: string;
  id?: string;
  interface?: "public" | "internal" | "admin";
  region?: string;
}

/**
 * Find an endpoint URL in a catalog. Keystone spells the region `region_id` (and the older `region`),
 * so both are compared.
 * @public
 */
export function findEndpoint(catalog: readonly CatalogEntry[], query: EndpointQuery): string {
  if (!query.type && !query.name && !query.id) {
    throw new EndpointNotFoundError("[@meterkit/core] an endpoint query needs a service type, name or id");
  }
  const iface = query.interface ?? "public";
  for (const service of catalog) {
    if (query.type && service.type !== query.type) continue;
    if (query.name && service.name !== query.name) continue;
    if (query.id && service.id !== query.id) continue;
    const endpoint = service.endpoints.find(
      (e) =>
        e.interface === iface && (!query.region || e.region_id === query.region || e.region === query.region),
    );
    if (endpoint) return endpoint.url;
  }
  const what = Object.entries({ ...query, interface: iface })
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  throw new EndpointNotFoundError(`[@meterkit/core] no endpoint in the Keystone catalog matches ${what}`);
}
