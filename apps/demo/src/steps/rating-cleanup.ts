/** Removes the demo's rules from CloudKitty (a real deployment keeps no trace of the run). */
import type { HashMapClient } from "@meterkit/rating-hashmap-client";
import type { CreatedRules } from "./rating-rules.js";

/** Deletes the services (recursively: fields, mappings, thresholds), then the groups. */
export async function deleteRules(hashmap: HashMapClient, created: CreatedRules): Promise<void> {
  for (const s of created.services.splice(0)) await hashmap.services.delete({ serviceId: s.id });
  for (const g of created.groups.splice(0)) await hashmap.groups.delete({ groupId: g.id });
}
