import { type CallOptions, lazySchema, type Paginated } from "@meterkit/core";
import { z } from "zod";
import type { CatalogContext } from "../client.js";
import { check, idInput } from "../input.js";
import { type ProductCreate, ProductCreateSchema } from "../schemas/catalog.js";
import { id } from "../schemas/fields.js";
import { PRODUCT } from "../schemas/responses.js";
import type { Product } from "../types.js";

const ProductKey = lazySchema(() => idInput("productId"));

/** Query of {@link listProducts}. @public */
export interface ProductListQuery {
  readonly status?: string | undefined;
  readonly partyId?: number | undefined;
  readonly category?: string | undefined;
}

// The service answers 400 to a malformed filter; refuse it (and unknown keys) before anything is sent.
const ProductListQuerySchema = lazySchema(() =>
  z.strictObject({
    status: z.string().optional(),
    partyId: id().optional(),
    category: z.string().optional(),
  }),
);

/** Adds a product (the AddProduct tool); defaults are applied by the service. @public */
export async function createProduct(
  ctx: CatalogContext,
  input: ProductCreate,
  options?: CallOptions,
): Promise<Product> {
  const body = check(ProductCreateSchema, input);
  return (
    await ctx.http.request<Product>({
      ...options,
      method: "POST",
      path: "/products",
      body,
      schema: PRODUCT.one,
    })
  ).data;
}

/** One product by id. @public */
export async function getProduct(
  ctx: CatalogContext,
  input: { productId: number },
  options?: CallOptions,
): Promise<Product> {
  const { productId } = check(ProductKey, input);
  return (
    await ctx.http.request<Product>({
      ...options,
      method: "GET",
      path: "/products/{id}",
      pathParams: { id: productId },
      schema: PRODUCT.one,
    })
  ).data;
}

/** Every product, page by page (the GetProductList tool collects them). @public */
export function listProducts(
  ctx: CatalogContext,
  input: ProductListQuery = {},
  options?: CallOptions,
): Paginated<Product> {
  return ctx.http.paginate<Product>({
    ...options,
    path: "/products",
    query: { ...check(ProductListQuerySchema, input) },
    schema: PRODUCT.page,
  });
}

/** Deletes a product; refused (409 `in_use`) while an offer references it. @public */
export async function deleteProduct(
  ctx: CatalogContext,
  input: { productId: number },
  options?: CallOptions,
): Promise<void> {
  const { productId } = check(ProductKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/products/{id}",
    pathParams: { id: productId },
  });
}
