/**
 * The orders loop's one pass: take the offerings' pending and executing orders, decide, run the backend
 * action keyed by the order's UUID, record the backend id, finish the order.
 *
 * The lock between agents is the server's state machine: only one `approve_by_provider` of a
 * `pending-provider` order succeeds, the others get a 409 and leave the order alone. An order found already
 * `executing` was taken by an agent that may have died; it is run again, which is safe because the backend
 * sees the same key. So a crash at any instant leaves either a pending order (taken next pass) or an
 * executing one (finished next pass), never a second allocation. A Terminate first reports the usage so far
 * (totals, so repeating it is harmless), as nothing reports an allocation's usage once it is terminated.
 */
import { HttpError } from "@meterkit/core";
import type { WaldurClient } from "../client.js";
import type { Order } from "../schemas/order.js";
import type { Resource } from "../schemas/resource.js";
import type { Limits } from "./backend.js";
import type { AgentContext } from "./context.js";
import { forEachBounded, isStateConflict, messageOf } from "./run.js";
import { reportUsage } from "./sync.js";

/** What the provider's policy answers for a pending order. @public */
export type OrderDecision = { approve: true } | { approve: false; reason: string };

/** Decides on a pending order; default: approve everything. @public */
export type OrderPolicy = (
  order: Order,
  resource: Resource | undefined,
) => OrderDecision | Promise<OrderDecision>;

// Legacy servers answer a state refusal with 400 ["Order item is not in executing or pending state."].
function isLegacyRefusal(error: unknown): boolean {
  return (
    error instanceof HttpError &&
    error.status === 400 &&
    JSON.stringify(error.body ?? "").includes("not in executing or pending state")
  );
}

const taken = (e: unknown) => isStateConflict(e) || isLegacyRefusal(e);

export async function ordersPass(a: AgentContext): Promise<void> {
  const legacy = a.client.generation === "legacy";
  const states = legacy ? (["pending", "executing"] as const) : (["pending-provider", "executing"] as const);
  for (const offering of a.offerings) {
    const orders: Order[] = [];
    for (const state of states) {
      for await (const o of a.client.orders.list({ offering_uuid: offering, state }, { signal: a.signal }))
        orders.push(o);
    }
    if (orders.length === 0) continue;
    const resources = await resourcesOf(a.client, offering, a.signal);
    await forEachBounded(orders, a.concurrency, (order) => processOrder(a, order, resources));
  }
}

async function resourcesOf(client: WaldurClient, offering: string, signal: AbortSignal) {
  const map = new Map<string, Resource>();
  const list = client.generation === "legacy" ? client.resources.list : client.resources.listAsProvider;
  for await (const r of list({ offeringUuid: offering }, { signal })) map.set(r.uuid ?? "", r);
  return map;
}

async function processOrder(a: AgentContext, order: Order, resources: Map<string, Resource>): Promise<void> {
  if (a.signal.aborted) return;
  const uuid = order.uuid ?? "";
  const resource = resources.get(order.marketplace_resource_uuid ?? "");
  const orders = a.client.orders;
  if (order.state === "pending-provider" || order.state === "pending") {
    const decision = await a.policy(order, resource);
    if (a.dryRun) return a.emit("info", { event: "order.skipped", order: uuid, reason: "dry-run" });
    try {
      if (!decision.approve) {
        await orders.reject({
          orderUuid: uuid,
          ...(a.client.generation === "current" ? { comment: decision.reason } : {}),
        });
        a.status.ordersProcessed++;
        return a.emit("info", { event: "order.rejected", order: uuid, reason: decision.reason });
      }
      await orders.approve({ orderUuid: uuid }); // current: → executing; legacy: pending → executing
    } catch (error) {
      if (taken(error))
        return a.emit("info", { event: "order.skipped", order: uuid, reason: "taken-by-another-agent" });
      throw error;
    }
  } else if (a.dryRun) return a.emit("info", { event: "order.skipped", order: uuid, reason: "dry-run" });
  a.emit("info", {
    event: "order.taken",
    order: uuid,
    type: order.type ?? "",
    resource: order.marketplace_resource_uuid ?? null,
  });
  await execute(a, order, resource);
}

async function execute(a: AgentContext, order: Order, resource: Resource | undefined): Promise<void> {
  const uuid = order.uuid ?? "";
  const limits = numeric(order.limits);
  let backendId = resource?.backend_id ?? "";
  // The usage since the last report would be lost with the allocation: report it first. A failure here
  // (Waldur or the backend) fails the pass, and the order, still executing, is taken again next pass.
  if (order.type === "Terminate" && resource && backendId) await reportUsage(a, resource);
  try {
    if (order.type === "Create") {
      ({ backendId } = await a.backend.createAllocation({
        key: uuid,
        name: order.resource_name ?? resource?.name ?? uuid,
        limits,
        resource,
        order,
      }));
    } else if (order.type === "Update") {
      await a.backend.updateLimits({ key: uuid, backendId, limits, order });
    } else {
      await a.backend.terminateAllocation({ key: uuid, backendId, order });
    }
  } catch (error) {
    // The backend refused: the consumer sees the message. Waldur errors below are not caught here.
    return fail(a, order, messageOf(error));
  }
  try {
    if (order.type === "Create" && backendId && resource?.backend_id !== backendId)
      await a.client.resources.setBackendId({
        resourceUuid: order.marketplace_resource_uuid ?? "",
        backendId,
      });
    if (a.client.generation === "legacy")
      await a.client.orders.approve({ orderUuid: uuid }); // executing → done
    else await a.client.orders.setDone({ orderUuid: uuid });
  } catch (error) {
    if (taken(error))
      return a.emit("info", { event: "order.skipped", order: uuid, reason: "taken-by-another-agent" });
    throw error;
  }
  a.status.ordersProcessed++;
  a.emit("info", { event: "order.done", order: uuid, type: order.type ?? "", backendId });
}

async function fail(a: AgentContext, order: Order, message: string): Promise<void> {
  const uuid = order.uuid ?? "";
  try {
    if (a.client.generation === "legacy") await a.client.orders.reject({ orderUuid: uuid });
    else await a.client.orders.setErred({ orderUuid: uuid, errorMessage: message });
  } catch (error) {
    if (taken(error))
      return a.emit("info", { event: "order.skipped", order: uuid, reason: "taken-by-another-agent" });
    throw error;
  }
  a.status.ordersProcessed++;
  a.emit("warn", { event: "order.erred", order: uuid, message });
}

function numeric(limits: Order["limits"]): Limits {
  const out: Limits = {};
  for (const [k, v] of Object.entries(limits ?? {})) out[k] = Number(v);
  return out;
}
