import { type CallOptions, lazySchema, type Paginated } from "@meterkit/core";
import { z } from "zod";
import type { CatalogContext } from "../client.js";
import { check, idInput } from "../input.js";
import { type ProductOfferCreate, ProductOfferCreateSchema } from "../schemas/catalog.js";
import { id } from "../schemas/fields.js";
import { OFFER } from "../schemas/responses.js";
import type { ProductOffer } from "../types.js";

const OfferKey = lazySchema(() => idInput("offerId"));

/** Query of {@link listOffers}. @public */
export interface OfferListQuery {
  readonly productId?: number | undefined;
  readonly partyId?: number | undefined;
}

// The service answers 400 to a malformed filter; refuse it (and unknown keys) before anything is sent.
const OfferListQuerySchema = lazySchema(() =>
  z.strictObject({ productId: id().optional(), partyId: id().optional() }),
);

/** Associates a product with an SLA template for a party (the AddProductOffer tool). @public */
export async function createOffer(
  ctx: CatalogContext,
  input: ProductOfferCreate,
  options?: CallOptions,
): Promise<ProductOffer> {
  const body = check(ProductOfferCreateSchema, input);
  return (
    await ctx.http.request<ProductOffer>({
      ...options,
      method: "POST",
      path: "/product-offers",
      body,
      schema: OFFER.one,
    })
  ).data;
}

/** One product offer by id. @public */
export async function getOffer(
  ctx: CatalogContext,
  input: { offerId: number },
  options?: CallOptions,
): Promise<ProductOffer> {
  const { offerId } = check(OfferKey, input);
  return (
    await ctx.http.request<ProductOffer>({
      ...options,
      method: "GET",
      path: "/product-offers/{id}",
      pathParams: { id: offerId },
      schema: OFFER.one,
    })
  ).data;
}

/** The product offers, page by page. @public */
export function listOffers(
  ctx: CatalogContext,
  input: OfferListQuery = {},
  options?: CallOptions,
): Paginated<ProductOffer> {
  return ctx.http.paginate<ProductOffer>({
    ...options,
    path: "/product-offers",
    query: { ...check(OfferListQuerySchema, input) },
    schema: OFFER.page,
  });
}

/** Deletes a product offer. @public */
export async function deleteOffer(
  ctx: CatalogContext,
  input: { offerId: number },
  options?: CallOptions,
): Promise<void> {
  const { offerId } = check(OfferKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/product-offers/{id}",
    pathParams: { id: offerId },
  });
}
