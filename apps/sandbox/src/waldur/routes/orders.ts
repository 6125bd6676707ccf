/**
 * Order state transitions as the service provider (or its agent) drives them.
 *
 * Current servers (MasterMind ≥ 6.3.3, OpenAPI 8.0.5), each guarded by a `StateValidator` whose refusal is
 * a 409 `{"detail": "Valid states for operation: …."}`:
 * - `approve_by_provider`: `pending-provider` → `executing`; answers `{"detail": …}` (`OrderInfoResponse`).
 *   The resource moves to `Creating` / `Updating` / `Terminating` and waits for the agent, as for
 *   site-agent offerings, where the server runs no backend processor of its own.
 * - `reject_by_provider`: `pending-provider` → `rejected` (no response body); a created resource is terminated.
 * - `set_state_executing`: `pending-consumer` / `pending-provider` → `executing` (no response body).
 * - `set_state_done`: `executing` → `done`; Create / Update apply the ordered limits, the resource is `OK`
 *   (`Terminated` for Terminate).
 * - `set_state_erred`: `executing` → `erred` with `error_message` / `error_traceback`; a Create's resource is
 *   `Erred`, an Update's or Terminate's goes back to `OK`.
 * Legacy order items (5.4): `approve` / `reject` on `pending` or `executing`, else 400 with a bare list;
 * `approve` moves `pending` → `executing`, then `executing` → `done`.
 */
import { randomUUID } from "node:crypto";
import type { OrderRecord, ResourceRecord } from "../data.js";
import type { Answer } from "../http.js";
import { notFound } from "../http.js";
import type { StandIn } from "../state.js";

function resourceOf(s: StandIn, order: OrderRecord): ResourceRecord | undefined {
  return s.data.resources.find((r) => r.uuid === order.resource_uuid);
}

const CURRENT_ACTIONS: Record<string, readonly string[]> = {
  approve_by_provider: ["pending-provider"],
  reject_by_provider: ["pending-provider"],
  set_state_executing: ["pending-consumer", "pending-provider"],
  set_state_done: ["executing"],
  set_state_erred: ["executing"],
};

function conflict(states: readonly string[]): Answer {
  return { status: 409, body: { detail: `Valid states for operation: ${states.join(", ")}.` } };
}

function optionalString(body: unknown, field: string): Answer | undefined {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (value !== undefined && typeof value !== "string")
    return { status: 400, body: { [field]: ["Not a valid string."] } };
  return undefined;
}

function finish(s: StandIn, order: OrderRecord, resource: ResourceRecord | undefined): void {
  order.state = "done";
  if (!resource) return;
  // A created resource starts its plan period, which usage is reported against.
  if (order.type === "Create" && !s.data.planPeriods.some((p) => p.resource_uuid === resource.uuid)) {
    const now = s.now();
    s.data.planPeriods.push({
      uuid: randomUUID().replaceAll("-", ""),
      resource_uuid: resource.uuid,
      plan_uuid: resource.plan_uuid,
      start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
      end: null,
      usages: [],
    });
  }
  if (order.type === "Terminate") resource.state = "Terminated";
  else {
    resource.state = "OK";
    if (order.limits) resource.limits = { ...order.limits };
  }
}

export function currentOrderAction(
  s: StandIn,
  uuid: string,
  action: string,
  body: unknown,
): Answer | undefined {
  const valid = CURRENT_ACTIONS[action];
  if (!valid) return undefined;
  const order = s.data.orders.find((o) => o.uuid === uuid);
  if (!order) return notFound;
  if (!valid.includes(order.state)) return conflict(valid);
  const resource = resourceOf(s, order);
  switch (action) {
    case "reject_by_provider": {
      const bad = optionalString(body, "provider_rejection_comment");
      if (bad) return bad;
      order.state = "rejected";
      if (resource && order.type === "Create") resource.state = "Terminated";
      return { status: 200 };
    }
    case "approve_by_provider": {
      const attributes = (body as { attributes?: unknown } | undefined)?.attributes;
      if (attributes !== undefined && (typeof attributes !== "object" || attributes === null))
        return { status: 400, body: { attributes: ["Must be an object."] } };
      order.state = "executing";
      if (resource) resource.state = transitional(order);
      return { status: 200, body: { detail: "Order has been approved." } };
    }
    case "set_state_executing":
      order.state = "executing";
      if (resource) resource.state = transitional(order);
      return { status: 200 };
    case "set_state_done":
      finish(s, order, resource);
      return { status: 200 };
    default: {
      const bad = optionalString(body, "error_message") ?? optionalString(body, "error_traceback");
      if (bad) return bad;
      const b = (body ?? {}) as { error_message?: string; error_traceback?: string };
      order.state = "erred";
      order.error_message = b.error_message ?? "";
      order.error_traceback = b.error_traceback ?? "";
      if (resource) resource.state = order.type === "Create" ? "Erred" : "OK";
      return { status: 200 };
    }
  }
}

function transitional(order: OrderRecord): ResourceRecord["state"] {
  if (order.type === "Create") return "Creating";
  return order.type === "Update" ? "Updating" : "Terminating";
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
    if (resource) resource.state = transitional(item);
    return { status: 200 };
  }
  finish(s, item, resource);
  return { status: 200 };
}
