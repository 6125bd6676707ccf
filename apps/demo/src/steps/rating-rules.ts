/**
 * The provider's HashMap rules: instance hours priced per flavor (a field mapping per flavor), storage per
 * GB-hour (a service mapping) with a 20 % discount from 100 GB (a field threshold on `size`), in two groups.
 */
import { randomUUID } from "node:crypto";
import type { HashMapClient, RuleSet } from "@meterkit/rating-hashmap-client";
import {
  FLAVORS,
  LARGE_VOLUME_GB,
  LARGE_VOLUME_RATE,
  STORAGE_PRICE_PER_GB_HOUR,
} from "../scenario/prices.js";

/** Service names, unique per run so that a shared CloudKitty keeps earlier runs apart. */
export function ratingServiceNames(runId: string): { compute: string; volume: string } {
  return { compute: `mkdemo-${runId}-instance`, volume: `mkdemo-${runId}-volume` };
}

/** What was created in CloudKitty, for the report and for cleanup. */
export interface CreatedRules {
  services: { name: string; id: string }[];
  groups: { name: string; id: string }[];
}

/** Creates the rules in CloudKitty; `created` is filled as it goes, so a failure half-way still cleans up. */
export async function createRules(
  hashmap: HashMapClient,
  runId: string,
  created: CreatedRules,
): Promise<void> {
  const names = ratingServiceNames(runId);
  const compute = await hashmap.services.create({ name: names.compute });
  created.services.push({ name: compute.name, id: compute.service_id });
  const volume = await hashmap.services.create({ name: names.volume });
  created.services.push({ name: volume.name, id: volume.service_id });
  const uptime = await hashmap.groups.create({ name: `mkdemo-${runId}-instance-uptime` });
  created.groups.push({ name: uptime.name, id: uptime.group_id });
  const storage = await hashmap.groups.create({ name: `mkdemo-${runId}-storage` });
  created.groups.push({ name: storage.name, id: storage.group_id });
  const flavor = await hashmap.fields.create({ service_id: compute.service_id, name: "flavor_id" });
  for (const f of FLAVORS) {
    await hashmap.mappings.create({
      field_id: flavor.field_id,
      value: f.name,
      type: "flat",
      cost: f.pricePerHour,
      group_id: uptime.group_id,
    });
  }
  await hashmap.mappings.create({
    service_id: volume.service_id,
    type: "flat",
    cost: STORAGE_PRICE_PER_GB_HOUR,
    group_id: storage.group_id,
  });
  const size = await hashmap.fields.create({ service_id: volume.service_id, name: "size" });
  await hashmap.thresholds.create({
    field_id: size.field_id,
    level: String(LARGE_VOLUME_GB),
    type: "rate",
    cost: LARGE_VOLUME_RATE,
    group_id: storage.group_id,
  });
}

/** The same rules without a server, for the local engine alone (CloudKitty unavailable). */
export function localRules(runId: string): RuleSet {
  const names = ratingServiceNames(runId);
  const id = () => randomUUID();
  const compute = { service_id: id(), name: names.compute };
  const volume = { service_id: id(), name: names.volume };
  const uptime = { group_id: id(), name: "instance-uptime" };
  const storage = { group_id: id(), name: "storage" };
  const flavor = { field_id: id(), name: "flavor_id", service_id: compute.service_id };
  const size = { field_id: id(), name: "size", service_id: volume.service_id };
  const rule = { service_id: null, field_id: null, tenant_id: null };
  return {
    services: [compute, volume],
    fields: [flavor, size],
    groups: [uptime, storage],
    mappings: [
      ...FLAVORS.map((f) => ({
        ...rule,
        mapping_id: id(),
        field_id: flavor.field_id,
        value: f.name,
        type: "flat" as const,
        cost: f.pricePerHour,
        group_id: uptime.group_id,
      })),
      {
        ...rule,
        mapping_id: id(),
        service_id: volume.service_id,
        value: null,
        type: "flat" as const,
        cost: STORAGE_PRICE_PER_GB_HOUR,
        group_id: storage.group_id,
      },
    ],
    thresholds: [
      {
        ...rule,
        threshold_id: id(),
        field_id: size.field_id,
        level: String(LARGE_VOLUME_GB),
        type: "rate" as const,
        cost: LARGE_VOLUME_RATE,
        group_id: storage.group_id,
      },
    ],
  };
}
