/**
 * Provider decisions on orders. Current (MasterMind ≥ 6.3.3): `approve_by_provider` / `reject_by_provider`
 * need `pending-provider`, else 409 (`StateValidator`). Legacy order items (5.4): `approve` / `reject` on
 * `pending` or `executing`, else 400 with a bare list.
 * The stand-in completes an approved order at once (as Waldur does for offerings without a backend
 * processor): the resource becomes `OK`; a rejection terminates it.
 */
import type { OrderRecord, ResourceRecord } from "../data.js";
import type { Answer } from "../http.js";
import { notFound } from "../http.js";
import type { StandIn } from "../state.js";

function resourceOf(s: StandIn, order: OrderRecord): ResourceRecord | undefined {
  return s.data.resources.find((r) => r.uuid === order.resource_uuid);
}

export function currentOrderAction(
  s: StandIn,
  uuid: string,
  action: string,
  body: unknown,
): Answer | undefined {
  if (action !== "approve_by_provider" && action !== "reject_by_provider") return undefined;
  const order = s.data.orders.find((o) => o.uuid === uuid);
  if (!order) return notFound;
  if (order.state !== "pending-provider")
    return { status: 409, body: { detail: "Valid states for operation: pending-provider." } };
  const resource = resourceOf(s, order);
  if (action === "reject_by_provider") {
    const comment = (body as { provider_rejection_comment?: unknown } | undefined)
      ?.provider_rejection_comment;
    if (comment !== undefined && typeof comment !== "string")
      return { status: 400, body: { provider_rejection_comment: ["Not a valid string."] } };
    order.state = "rejected";
    if (resource && order.type === "Create") resource.state = "Terminated";
    return { status: 200 };
  }
  const attributes = (body as { attributes?: unknown } | undefined)?.attributes;
  if (attributes !== undefined && (typeof attributes !== "object" || attributes === null))
    return { status: 400, body: { attributes: ["Must be an object."] } };
  order.state = "done";
  if (resource) resource.state = order.type === "Terminate" ? "Terminated" : "OK";
  return { status: 200 };
}

export function legacyOrderItemAction(s: StandIn, uuid: string, action: string): Answer | undefined {
  if (action !== "approve" && action !== "reject") return undefined;
  const item = s.data.orderItems.find((o) => o.uuid === uuid);
  if (!item) return notFound;
  if (item.state !== "pending" && item.state !== "executing")
    return { status: 400, body: ["Order item is not in executing or pending state."] };
  const resource = resourceOf(s, item);
  if (action === "reject") {
    item.state = "terminated";
    if (resource && item.type === "Create") resource.state = "Terminated";
    return { status: 200 };
  }
  if (item.state === "pending") {
    item.state = "executing";
    return { status: 200 };
  }
  item.state = "done";
  if (resource) resource.state = item.type === "Terminate" ? "Terminated" : "OK";
  return { status: 200 };
}
