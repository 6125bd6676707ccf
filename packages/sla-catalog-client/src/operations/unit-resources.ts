import { type CallOptions, lazySchema, type Paginated } from "@meterkit/core";
import type { CatalogContext } from "../client.js";
import { check, idInput } from "../input.js";
import { type UnitResourceCreate, UnitResourceCreateSchema } from "../schemas/pricing.js";
import { UNIT_RESOURCE } from "../schemas/responses.js";
import type { UnitResource } from "../types.js";

const UnitResourceKey = lazySchema(() => idInput("unitResourceId"));

/** Adds a resource type to negotiate, which is also a priced item (the AddUnitResource tool). @public */
export async function createUnitResource(
  ctx: CatalogContext,
  input: UnitResourceCreate,
  options?: CallOptions,
): Promise<UnitResource> {
  const body = check(UnitResourceCreateSchema, input);
  return (
    await ctx.http.request<UnitResource>({
      ...options,
      method: "POST",
      path: "/unit-resources",
      body,
      schema: UNIT_RESOURCE.one,
    })
  ).data;
}

/** One unit resource by id. @public */
export async function getUnitResource(
  ctx: CatalogContext,
  input: { unitResourceId: number },
  options?: CallOptions,
): Promise<UnitResource> {
  const { unitResourceId } = check(UnitResourceKey, input);
  return (
    await ctx.http.request<UnitResource>({
      ...options,
      method: "GET",
      path: "/unit-resources/{id}",
      pathParams: { id: unitResourceId },
      schema: UNIT_RESOURCE.one,
    })
  ).data;
}

/** The unit resources, page by page. @public */
export function listUnitResources(
  ctx: CatalogContext,
  _input: Record<string, never> = {},
  options?: CallOptions,
): Paginated<UnitResource> {
  return ctx.http.paginate<UnitResource>({
    ...options,
    path: "/unit-resources",
    query: {},
    schema: UNIT_RESOURCE.page,
  });
}

/** Deletes a unit resource (the DeleteUnitResource tool); its price and guarantee links go with it. @public */
export async function deleteUnitResource(
  ctx: CatalogContext,
  input: { unitResourceId: number },
  options?: CallOptions,
): Promise<void> {
  const { unitResourceId } = check(UnitResourceKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/unit-resources/{id}",
    pathParams: { id: unitResourceId },
  });
}
