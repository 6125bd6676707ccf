import { type CallOptions, lazySchema, type Paginated } from "@meterkit/core";
import { z } from "zod";
import type { CatalogContext } from "../client.js";
import { check, idInput } from "../input.js";
import { PRICE } from "../schemas/responses.js";
import type { Price } from "../types.js";

const PriceKey = lazySchema(() => idInput("priceId"));

/** Query of {@link listPrices}. @public */
export interface PriceListQuery {
  readonly kind?: Price["kind"] | undefined;
}

// The service answers 400 to a malformed filter; refuse it (and unknown keys) before anything is sent.
const PriceListQuerySchema = lazySchema(() =>
  z.strictObject({ kind: z.enum(["fixed", "variable", "compound"]).optional() }),
);

/** Any fee by its price id; `kind` tells fixed, variable and compound apart. @public */
export async function getPrice(
  ctx: CatalogContext,
  input: { priceId: number },
  options?: CallOptions,
): Promise<Price> {
  const { priceId } = check(PriceKey, input);
  return (
    await ctx.http.request<Price>({
      ...options,
      method: "GET",
      path: "/prices/{id}",
      pathParams: { id: priceId },
      schema: PRICE.one,
    })
  ).data;
}

/** Every fee of every kind (or of one `kind`), page by page. @public */
export function listPrices(
  ctx: CatalogContext,
  input: PriceListQuery = {},
  options?: CallOptions,
): Paginated<Price> {
  return ctx.http.paginate<Price>({
    ...options,
    path: "/prices",
    query: { ...check(PriceListQuerySchema, input) },
    schema: PRICE.page,
  });
}
