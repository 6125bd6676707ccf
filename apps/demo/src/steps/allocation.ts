/**
 * Step 6: the provider's side of Waldur with `@meterkit/allocation-client`: approve the pending orders, set
 * the backend ids, finish the orders, report the month's component usage (converted in step 2), grant a user
 * access. The orders are done by hand here to show each call; a provider running this every day would use
 * the agent (`@meterkit/allocation-client/agent`), which does the same crash-safely.
 */
import { collect, type WaldurClient } from "@meterkit/allocation-client";
import type { AllocationResult, MetricsResult } from "../report/model.js";
import type { Plan } from "../scenario/plan.js";

/** Runs the provider's month-end routine against `waldur`. */
export async function runAllocation(
  waldur: WaldurClient,
  plan: Plan,
  metrics: MetricsResult,
): Promise<AllocationResult> {
  const pending = await collect(waldur.orders.list({ state: "pending-provider" }));
  // Waldur 8 moves an approved order to `executing`; the provider sets it done once its backend has the
  // allocation (below, after the backend ids).
  for (const order of pending) if (order.uuid) await waldur.orders.approve({ orderUuid: order.uuid });
  let resourceUuids = [
    ...new Set(
      pending.map((o) => o.marketplace_resource_uuid ?? o.resource_uuid).filter((u): u is string => !!u),
    ),
  ];
  if (resourceUuids.length === 0) {
    // Nothing pending (a real deployment on a quiet day): report against the provider's first running resource.
    const running = await collect(waldur.resources.listAsProvider({ state: "OK" }), 1);
    resourceUuids = running.map((r) => String(r.uuid));
  }
  const backendIds: AllocationResult["backendIds"] = [];
  for (const [i, resourceUuid] of resourceUuids.entries()) {
    const backendId = `mkdemo-${plan.runId}-${i + 1}`;
    await waldur.resources.setBackendId({ resourceUuid, backendId });
    backendIds.push({ resourceUuid, backendId });
  }
  const approved = new Set(pending.map((o) => o.uuid));
  for (const order of await collect(waldur.orders.list({ state: "executing" }))) {
    if (order.uuid && approved.has(order.uuid)) await waldur.orders.setDone({ orderUuid: order.uuid });
  }
  const after = new Map((await collect(waldur.orders.list())).map((o) => [o.uuid, o]));
  const approvedOrders = pending.map((o) => ({
    uuid: String(o.uuid),
    state: String(after.get(o.uuid)?.state),
  }));
  const usages: AllocationResult["usages"] = [];
  for (const resourceUuid of resourceUuids) {
    const open = (await waldur.resources.getPlanPeriods({ resourceUuid })).find((p) => !p.end);
    if (!open) continue;
    await waldur.componentUsages.create({
      planPeriodUuid: open.uuid,
      usages: metrics.waldurUsage.map((u) => ({
        type: u.type,
        amount: u.amount,
        description: `meterkit demo ${plan.month}`,
      })),
    });
    for (const u of metrics.waldurUsage)
      usages.push({ resourceUuid, planPeriodUuid: open.uuid, type: u.type, amount: u.amount });
    // One allocation carries the provider's month: reporting it twice would double-count.
    break;
  }
  let offeringUser: AllocationResult["offeringUser"] = null;
  const offering = pending[0]?.offering_uuid;
  const [user] = await collect(waldur.users.list(), 1);
  if (offering && user?.uuid) {
    const created = await waldur.offeringUsers.create({
      offering,
      user: user.uuid,
      username: `mkdemo_${plan.runId}`,
    });
    offeringUser = { uuid: String(created.uuid), userUuid: user.uuid, username: created.username ?? null };
  }
  return { approvedOrders, backendIds, usages, offeringUser };
}
