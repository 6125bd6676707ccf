import { lazySchema, type Paginated } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { UnsupportedOperationError } from "../errors.js";
import { list as listPages } from "../http/list.js";
import { check, Filters, oneOrMany, Uuid } from "../input/common.js";
import type { WaldurFilters } from "../input/filters.js";
import type { ListOptions } from "../input/list-options.js";
import { type Resource, ResourceSchema } from "../schemas/resource.js";
import { RESOURCE_STATES, type ResourceState } from "./states.js";

/** The seed's filters of `list_marketplace_resources`, plus any other Waldur filter in `filters`. @public */
export interface ResourceQuery {
  /** UUID of the service provider's organization (`provider_uuid`). */
  providerUuid?: string;
  /** One state or several (repeated `state=`). */
  state?: ResourceState | readonly ResourceState[];
  /** UUID of the offering (`offering_uuid`). */
  offeringUuid?: string;
  /** Return only these fields of each resource (repeated `field=`). */
  fields?: string | readonly string[];
  /** Other filters by Waldur's query names, e.g. `{ project_uuid: "…", o: "-created" }`. */
  filters?: WaldurFilters;
}

const ResourceQuerySchema = lazySchema(() =>
  z.strictObject({
    providerUuid: Uuid.optional(),
    state: oneOrMany(RESOURCE_STATES).optional(),
    offeringUuid: Uuid.optional(),
    fields: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
    filters: Filters.optional(),
  }),
);

function list(ctx: WaldurContext, path: string, input: ResourceQuery, options: ListOptions | undefined) {
  const q = check(ResourceQuerySchema, input, "query");
  // The reference's order: provider_uuid, state, offering_uuid, field; Waldur does not care, humans reading logs do.
  const query = {
    provider_uuid: q.providerUuid,
    state: q.state,
    offering_uuid: q.offeringUuid,
    field: q.fields,
    ...q.filters,
  };
  return listPages(ctx, path, query, ResourceSchema, options);
}

/**
 * `GET marketplace-resources/`: marketplace resources (allocations) matching the query, page by page
 * (seed: `list_marketplace_resources`).
 * @example `for await (const r of listResources(ctx, { state: "Creating", offeringUuid })) console.log(r.name)`
 * @public
 */
export function listResources(
  ctx: WaldurContext,
  query: ResourceQuery = {},
  options?: ListOptions,
): Paginated<Resource> {
  return list(ctx, "/marketplace-resources/", query, options);
}

/**
 * `GET marketplace-provider-resources/`: the service provider's view of its resources (current servers
 * only, 0.6.4's `list_marketplace_provider_resources`; throws `UnsupportedOperationError` on legacy ones,
 * before sending).
 * @example `const mine = await collect(listProviderResources(ctx, { state: "OK" }))`
 * @public
 */
export function listProviderResources(
  ctx: WaldurContext,
  query: ResourceQuery = {},
  options?: ListOptions,
): Paginated<Resource> {
  if (ctx.generation === "legacy") {
    throw new UnsupportedOperationError("resources.listAsProvider", "legacy", "use resources.list()");
  }
  return list(ctx, "/marketplace-provider-resources/", query, options);
}
