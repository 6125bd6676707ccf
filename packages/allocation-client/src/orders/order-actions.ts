import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { routesOf } from "../generation.js";
import { check, Uuid } from "../input/common.js";
import { type OrderActionResult, OrderActionSchema } from "../schemas/order.js";

/** Which order to approve, and (current servers) attributes to set on the resource. @public */
export interface ApproveOrderInput {
  /** UUID of the order (current) or order item (legacy). */
  orderUuid: string;
  /** Current servers: attributes to set on the resource. */
  attributes?: Record<string, unknown>;
}

/** Which order to reject, and (current servers) the comment shown to the consumer. @public */
export interface RejectOrderInput {
  /** UUID of the order (current) or order item (legacy). */
  orderUuid: string;
  /** Current servers: the comment shown to the consumer. */
  comment?: string;
}

const ApproveInput = lazySchema(() =>
  z.strictObject({
    orderUuid: Uuid,
    attributes: z.record(z.string(), z.unknown()).optional(),
  }),
);
const RejectInput = lazySchema(() => z.strictObject({ orderUuid: Uuid, comment: z.string().optional() }));

function legacyBodyRefused(ctx: WaldurContext, field: string, value: unknown): void {
  if (ctx.generation === "legacy" && value !== undefined) {
    check(z.never({ error: "is not accepted by legacy (5.4) servers" }), value, field);
  }
}

/**
 * Approve an order as the service provider: `POST marketplace-orders/{uuid}/approve_by_provider/`
 * (current) or `POST marketplace-order-items/{uuid}/approve/` (legacy, seed: `marketplace_order_item_approve`).
 * A 409 (order not in `pending-provider`) is sent again like the reference, then throws `StateConflictError`.
 * @example `await approveOrder(ctx, { orderUuid })`
 * @public
 */
export async function approveOrder(
  ctx: WaldurContext,
  input: ApproveOrderInput,
  options?: CallOptions,
): Promise<OrderActionResult> {
  const { orderUuid, attributes } = check(ApproveInput, input, "input");
  legacyBodyRefused(ctx, "input.attributes", attributes);
  const routes = routesOf(ctx.generation);
  const response = await ctx.http.request({
    ...options,
    method: "POST",
    path: `/${routes.orders}/{uuid}/${routes.approve}/`,
    pathParams: { uuid: orderUuid },
    // Like the reference, an action without payload sends no body at all (Content-Length: 0).
    body: attributes === undefined ? undefined : { attributes },
    schema: OrderActionSchema,
    retry: ctx.conflictRetry,
  });
  return response.data;
}

/**
 * Reject an order as the service provider: `…/reject_by_provider/` (current, optional
 * `provider_rejection_comment`) or `marketplace-order-items/{uuid}/reject/` (legacy, seed:
 * `marketplace_order_item_reject`). A 409 is retried like approvals.
 * @example `await rejectOrder(ctx, { orderUuid, comment: "No quota left" })`
 * @public
 */
export async function rejectOrder(
  ctx: WaldurContext,
  input: RejectOrderInput,
  options?: CallOptions,
): Promise<OrderActionResult> {
  const { orderUuid, comment } = check(RejectInput, input, "input");
  legacyBodyRefused(ctx, "input.comment", comment);
  const routes = routesOf(ctx.generation);
  const response = await ctx.http.request({
    ...options,
    method: "POST",
    path: `/${routes.orders}/{uuid}/${routes.reject}/`,
    pathParams: { uuid: orderUuid },
    body: comment === undefined ? undefined : { provider_rejection_comment: comment },
    schema: OrderActionSchema,
    retry: ctx.conflictRetry,
  });
  return response.data;
}
