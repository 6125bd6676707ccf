import { type CallOptions, type HttpClient, isHttpClient } from "@meterkit/core";
import { createHashMapContext, type HashMapContext } from "../context.js";
import type { Mapping, Threshold } from "../models.js";
import { listFields } from "../operations/fields.js";
import { getGroup } from "../operations/groups.js";
import { listMappings } from "../operations/mappings.js";
import { listServices } from "../operations/services.js";
import { listThresholds } from "../operations/thresholds.js";
import { applies, instant } from "./active.js";
import type { ParsedRuleSet } from "./rule-set.js";

/** Input of {@link fetchRuleSet}: which rules to read. @public */
export interface FetchRuleSetInput {
  /** Also fetch this tenant's rules (for `createRatingEngine(rules, { tenantId })`). */
  tenantId?: string | undefined;
  /** Only these service names (default: every service). */
  services?: readonly string[] | undefined;
  /**
   * Keep only the rules the server applies at this time (default: now): on servers whose rules carry
   * `start`/`end`/`deleted`, the module loads the rules in force (`start <= at < end`, not deleted). Pass
   * the same `at` to `createRatingEngine`.
   */
  at?: Date | string | undefined;
}

/**
 * Read the HashMap rules the server applies, in the order CloudKitty's module loads them: per service, the
 * tenant-less rules (`filter_tenant`) and, when asked, the tenant's, through the very queries the module runs;
 * rules out of force at `at` (deleted, or outside `start`/`end` on newer servers) are left out.
 * @public
 */
export async function fetchRuleSet(
  client: HashMapContext | HttpClient,
  input: FetchRuleSetInput = {},
  options?: CallOptions,
): Promise<ParsedRuleSet> {
  // A client is a context; a bare HttpClient gets this package's errors first.
  const ctx = isHttpClient(client) ? createHashMapContext(client) : client;
  const tenants: (string | null)[] = input.tenantId === undefined ? [null] : [null, input.tenantId];
  const wanted = input.services ? new Set(input.services) : undefined;
  const allServices = await listServices(ctx, {}, options);
  const services = wanted ? allServices.filter((s) => wanted.has(s.name)) : allServices;
  const perService = await Promise.all(
    services.map(async (service) => {
      const fields = await listFields(ctx, { serviceId: service.service_id }, options);
      const parents = [{ service_id: service.service_id }, ...fields.map((f) => ({ field_id: f.field_id }))];
      const mappings: Mapping[] = [];
      const thresholds: Threshold[] = [];
      for (const parent of parents) {
        for (const tenant_id of tenants) {
          const [m, t] = await Promise.all([
            listMappings(ctx, { ...parent, tenant_id }, options),
            listThresholds(ctx, { ...parent, tenant_id }, options),
          ]);
          mappings.push(...m);
          thresholds.push(...t);
        }
      }
      return { fields, mappings, thresholds };
    }),
  );
  // Only the rules the module would load (rules of CloudKitty 17 carry no dates: all of them).
  const now = instant(input.at);
  for (const p of perService) {
    p.mappings = p.mappings.filter((m) => applies(m, m.mapping_id, now));
    p.thresholds = p.thresholds.filter((t) => applies(t, t.threshold_id, now));
  }
  const rules = perService.flatMap((p) => [...p.mappings, ...p.thresholds]);
  // Only the groups the rules use: fewer requests than listing every group, which also races less with
  // deletes (CloudKitty lists ids, then reads each one, and answers 500 for one deleted in between).
  const groupIds = [...new Set(rules.map((x) => x.group_id).filter((id): id is string => id !== null))];
  const groups = await Promise.all(groupIds.map((id) => getGroup(ctx, { groupId: id }, options)));
  return {
    services,
    groups,
    fields: perService.flatMap((p) => p.fields),
    mappings: perService.flatMap((p) => p.mappings),
    thresholds: perService.flatMap((p) => p.thresholds),
  };
}
