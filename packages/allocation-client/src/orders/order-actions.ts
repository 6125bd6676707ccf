import type { CallOptions } from "@meterkit/core";
import { z } from "zod";
import type { ClientContext } from "../context.js";
import { send } from "../http/send.js";
import { check, Uuid } from "../input/common.js";
import { type OrderActionResult, OrderActionSchema } from "../schemas/order.js";

/** Optional body of an approval (current servers): attributes to set on the resource. @public */
export interface ApproveOrderInput {
  attributes?: Record<string, unknown>;
}

/** Optional body of a rejection (current servers): the comment shown to the consumer. @public */
export interface RejectOrderInput {
  comment?: string;
}

const ApproveInput = z.strictObject({ attributes: z.record(z.string(), z.unknown()).optional() });
const RejectInput = z.strictObject({ comment: z.string().optional() });

async function act(
  ctx: ClientContext,
  action: string,
  uuid: string,
  body: object | undefined,
  options?: CallOptions,
) {
  const orderUuid = check(Uuid, uuid, "orderUuid");
  const response = await send(ctx, {
    ...options,
    method: "POST",
    path: `/${ctx.routes.orders}/{uuid}/${action}/`,
    pathParams: { uuid: orderUuid },
    // Like the reference, an action without payload sends no body at all (Content-Length: 0).
    body,
    schema: OrderActionSchema,
  });
  return response.data;
}

function legacyBodyRefused(ctx: ClientContext, field: string, value: unknown): void {
  if (ctx.generation === "legacy" && value !== undefined) {
    check(z.never({ error: "is not accepted by legacy (5.4) servers" }), value, field);
  }
}

/**
 * Approve as the service provider: `POST marketplace-orders/{uuid}/approve_by_provider/` (current) or
 * `POST marketplace-order-items/{uuid}/approve/` (legacy, seed: `marketplace_order_item_approve`).
 * A 409 (order not in `pending-provider`) is retried like the reference, then throws `StateConflictError`.
 * @internal
 */
export async function approveOrder(
  ctx: ClientContext,
  orderUuid: string,
  input: ApproveOrderInput = {},
  options?: CallOptions,
): Promise<OrderActionResult> {
  const parsed = check(ApproveInput, input, "input");
  legacyBodyRefused(ctx, "input.attributes", parsed.attributes);
  const body = parsed.attributes === undefined ? undefined : { attributes: parsed.attributes };
  return act(ctx, ctx.routes.approve, orderUuid, body, options);
}

/**
 * Reject as the service provider: `…/reject_by_provider/` (current, optional `provider_rejection_comment`)
 * or `marketplace-order-items/{uuid}/reject/` (legacy, seed: `marketplace_order_item_reject`).
 * @internal
 */
export async function rejectOrder(
  ctx: ClientContext,
  orderUuid: string,
  input: RejectOrderInput = {},
  options?: CallOptions,
): Promise<OrderActionResult> {
  const parsed = check(RejectInput, input, "input");
  legacyBodyRefused(ctx, "input.comment", parsed.comment);
  const body = parsed.comment === undefined ? undefined : { provider_rejection_comment: parsed.comment };
  return act(ctx, ctx.routes.reject, orderUuid, body, options);
}
