/**
 * Usage from lifecycles: the planned seconds per server and volume (raw metrics for step 2), and the daily
 * usage records CloudKitty prices, computed by ledger-client from the rows Almanach returns (step 3 → step 4).
 */
import { computeUsage, type Entity, toRatingResources } from "@meterkit/ledger-client";
import type { UsageRecordJson } from "../report/model.js";
import type { Plan } from "./plan.js";
import { FLAVORS } from "./prices.js";

/** Planned vCPU time of one server over the month. */
export interface InstanceUsage {
  id: string;
  vcpuSeconds: number;
}

/** Walks the plan's events: each server's vCPU-seconds between create/resize/delete and the month's end. */
export function plannedInstanceUsage(plan: Plan): InstanceUsage[] {
  const open = new Map<string, { since: number; vcpus: number }>();
  const total = new Map<string, number>();
  const close = (id: string, at: number) => {
    const o = open.get(id);
    if (o) total.set(id, (total.get(id) ?? 0) + ((at - o.since) / 1000) * o.vcpus);
    open.delete(id);
  };
  for (const e of plan.events) {
    const at = e.at.getTime();
    if (e.kind === "create-instance") open.set(e.server.id, { since: at, vcpus: e.server.flavor.vcpus });
    if (e.kind === "resize-instance") {
      close(e.id, at);
      open.set(e.id, { since: at, vcpus: FLAVORS.find((f) => f.name === e.flavor)?.vcpus ?? 0 });
    }
    if (e.kind === "delete-instance") close(e.id, at);
  }
  for (const id of [...open.keys()]) close(id, plan.end.getTime());
  return plan.servers.map((s) => ({ id: s.id, vcpuSeconds: total.get(s.id) ?? 0 }));
}

/** Planned GB-seconds of all volumes over the month. */
export function storageGbSeconds(plan: Plan): number {
  const open = new Map<string, { since: number; gb: number }>();
  let total = 0;
  const close = (id: string, at: number) => {
    const o = open.get(id);
    if (o) total += ((at - o.since) / 1000) * o.gb;
    open.delete(id);
  };
  for (const e of plan.events) {
    const at = e.at.getTime();
    if (e.kind === "create-volume") open.set(e.volume.id, { since: at, gb: e.volume.sizeGb });
    if (e.kind === "resize-volume") {
      close(e.id, at);
      open.set(e.id, { since: at, gb: e.sizeGb });
    }
    if (e.kind === "delete-volume") close(e.id, at);
  }
  for (const id of [...open.keys()]) close(id, plan.end.getTime());
  return total;
}

/**
 * The usage records of one tenant, per day: instance hours by flavor and volume GB-hours with the size, from
 * the entity rows Almanach keeps, computed by ledger-client (whole seconds, exact hours) and shaped for
 * CloudKitty by its adapter.
 */
export function dailyRecords(
  rows: readonly Entity[],
  plan: Plan,
  services: { compute: string; volume: string },
): Map<string, UsageRecordJson[]> {
  const byDay = new Map<string, UsageRecordJson[]>(plan.days.map((day) => [day, []]));
  const usage = computeUsage(rows, { from: plan.start, to: plan.end, by: "day" });
  const resources = toRatingResources(usage, {
    services: { instance: services.compute, volume: services.volume },
  });
  usage.forEach((u, i) => {
    byDay.get(u.bucketStart.toISOString().slice(0, 10))?.push(resources[i] as UsageRecordJson);
  });
  return byDay;
}
