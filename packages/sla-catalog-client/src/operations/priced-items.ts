import { type CallOptions, lazySchema } from "@meterkit/core";
import type { CatalogContext } from "../client.js";
import { check, idInput } from "../input.js";
import {
  type AssociateGuaranteeInput,
  AssociateGuaranteeSchema,
  type AssociatePriceInput,
  AssociatePriceSchema,
} from "../schemas/pricing.js";
import { UNIT_RESOURCE } from "../schemas/responses.js";
import type { PricedItem } from "../types.js";

// The priced items are the unit resources seen through their price and guarantee links.
const PricedItemKey = lazySchema(() => idInput("pricedItemId"));

/** One priced item: its price id and guarantee ids. @public */
export async function getPricedItem(
  ctx: CatalogContext,
  input: { pricedItemId: number },
  options?: CallOptions,
): Promise<PricedItem> {
  const { pricedItemId } = check(PricedItemKey, input);
  return (
    await ctx.http.request<PricedItem>({
      ...options,
      method: "GET",
      path: "/priced-items/{id}",
      pathParams: { id: pricedItemId },
      schema: UNIT_RESOURCE.one,
    })
  ).data;
}

/** Sets (or replaces) the priced item's price (the AssociatePrice tool). @public */
export async function setPricedItemPrice(
  ctx: CatalogContext,
  input: AssociatePriceInput,
  options?: CallOptions,
): Promise<PricedItem> {
  const { pricedItemId, priceId } = check(AssociatePriceSchema, input);
  return (
    await ctx.http.request<PricedItem>({
      ...options,
      method: "PUT",
      path: "/priced-items/{id}/price",
      pathParams: { id: pricedItemId },
      body: { priceId },
      schema: UNIT_RESOURCE.one,
    })
  ).data;
}

/** Removes the priced item's price. @public */
export async function clearPricedItemPrice(
  ctx: CatalogContext,
  input: { pricedItemId: number },
  options?: CallOptions,
): Promise<void> {
  const { pricedItemId } = check(PricedItemKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/priced-items/{id}/price",
    pathParams: { id: pricedItemId },
  });
}

/** Adds a guarantee to the priced item, idempotently (the AssociateGuarantee tool). @public */
export async function addPricedItemGuarantee(
  ctx: CatalogContext,
  input: AssociateGuaranteeInput,
  options?: CallOptions,
): Promise<PricedItem> {
  const { pricedItemId, guaranteeId } = check(AssociateGuaranteeSchema, input);
  return (
    await ctx.http.request<PricedItem>({
      ...options,
      method: "PUT",
      path: "/priced-items/{id}/guarantees/{g}",
      pathParams: { id: pricedItemId, g: guaranteeId },
      schema: UNIT_RESOURCE.one,
    })
  ).data;
}

/** Removes a guarantee from the priced item. @public */
export async function removePricedItemGuarantee(
  ctx: CatalogContext,
  input: AssociateGuaranteeInput,
  options?: CallOptions,
): Promise<void> {
  const { pricedItemId, guaranteeId } = check(AssociateGuaranteeSchema, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/priced-items/{id}/guarantees/{g}",
    pathParams: { id: pricedItemId, g: guaranteeId },
  });
}
