import { type CallOptions, lazySchema, type Paginated } from "@meterkit/core";
import { z } from "zod";
import type { CatalogContext } from "../client.js";
import { check, idInput } from "../input.js";
import { type GuaranteeCreate, GuaranteeCreateSchema } from "../schemas/pricing.js";
import { GUARANTEE } from "../schemas/responses.js";
import type { Guarantee } from "../types.js";

const GuaranteeKey = lazySchema(() => idInput("guaranteeId"));

/** Query of {@link listGuarantees}. @public */
export interface GuaranteeListQuery {
  readonly type?: string | undefined;
}

// The service answers 400 to a malformed filter; refuse it (and unknown keys) before anything is sent.
const GuaranteeListQuerySchema = lazySchema(() => z.strictObject({ type: z.string().optional() }));

/** Adds a QoS/QoP guarantee (the AddGuarantee tool). @public */
export async function createGuarantee(
  ctx: CatalogContext,
  input: GuaranteeCreate,
  options?: CallOptions,
): Promise<Guarantee> {
  const body = check(GuaranteeCreateSchema, input);
  return (
    await ctx.http.request<Guarantee>({
      ...options,
      method: "POST",
      path: "/guarantees",
      body,
      schema: GUARANTEE.one,
    })
  ).data;
}

/** One guarantee by id. @public */
export async function getGuarantee(
  ctx: CatalogContext,
  input: { guaranteeId: number },
  options?: CallOptions,
): Promise<Guarantee> {
  const { guaranteeId } = check(GuaranteeKey, input);
  return (
    await ctx.http.request<Guarantee>({
      ...options,
      method: "GET",
      path: "/guarantees/{id}",
      pathParams: { id: guaranteeId },
      schema: GUARANTEE.one,
    })
  ).data;
}

/** The guarantees, page by page. @public */
export function listGuarantees(
  ctx: CatalogContext,
  input: GuaranteeListQuery = {},
  options?: CallOptions,
): Paginated<Guarantee> {
  return ctx.http.paginate<Guarantee>({
    ...options,
    path: "/guarantees",
    query: { ...check(GuaranteeListQuerySchema, input) },
    schema: GUARANTEE.page,
  });
}

/** Deletes a guarantee; refused (409 `in_use`) while a priced item references it. @public */
export async function deleteGuarantee(
  ctx: CatalogContext,
  input: { guaranteeId: number },
  options?: CallOptions,
): Promise<void> {
  const { guaranteeId } = check(GuaranteeKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/guarantees/{id}",
    pathParams: { id: guaranteeId },
  });
}
