/**
 * Step 4: rules created in the real CloudKitty with `@meterkit/rating-hashmap-client`; each tenant's month
 * priced by CloudKitty's quote endpoint and by the local rating engine (rules fetched back from CloudKitty),
 * side by side. Without CloudKitty the local engine prices alone, with the same rules defined locally.
 */
import type { Entity } from "@meterkit/ledger-client";
import {
  createRatingEngine,
  fetchRuleSet,
  type HashMapClient,
  type RuleSet,
} from "@meterkit/rating-hashmap-client";
import { Decimal } from "decimal.js";
import type { RatingResult, UsageRecordJson } from "../report/model.js";
import type { Plan } from "../scenario/plan.js";
import { dailyRecords } from "../scenario/usage.js";
import { type CreatedRules, createRules, localRules, ratingServiceNames } from "./rating-rules.js";

/** CloudKitty, or why there is none. */
export type CloudKittyHandle = { client: HashMapClient } | { note: string };

/** Prices every tenant's month. `created` receives the CloudKitty rules for cleanup. */
export async function rateUsage(
  cloudkitty: CloudKittyHandle,
  plan: Plan,
  rows: ReadonlyMap<string, readonly Entity[]>,
  created: CreatedRules,
): Promise<RatingResult> {
  const names = ratingServiceNames(plan.runId);
  let rules: RuleSet;
  if ("client" in cloudkitty) {
    const hashmap = cloudkitty.client;
    const module = await hashmap.module.get();
    if (!module.enabled) await hashmap.module.enable();
    await createRules(hashmap, plan.runId, created);
    // The local engine prices with exactly what the server holds, read back through the module's own queries.
    rules = await fetchRuleSet(hashmap, { services: [names.compute, names.volume] });
  } else rules = localRules(plan.runId);
  const engine = createRatingEngine(rules);
  const tenants: RatingResult["tenants"] = [];
  for (const t of plan.tenants) {
    const byDay = dailyRecords(rows.get(t.id) ?? [], plan, names);
    const records: UsageRecordJson[] = [...byDay.values()].flat();
    const perRecord = records.length ? engine.pricePerRecord(records) : [];
    const daily: Record<string, string> = {};
    let i = 0;
    for (const [day, list] of byDay) {
      daily[day] = exactSum(perRecord.slice(i, i + list.length));
      i += list.length;
    }
    const local = records.length ? engine.price(records) : "0";
    const quoted =
      "client" in cloudkitty
        ? records.length
          ? await cloudkitty.client.quote({ resources: records })
          : "0"
        : null;
    tenants.push({
      tenant: t.name,
      tenantId: t.id,
      records,
      cloudkitty: quoted,
      local,
      match: quoted === null ? null : new Decimal(quoted).eq(local),
      daily,
    });
  }
  const count = (key: "mappings" | "thresholds") => (rules[key] ?? []).length;
  return {
    engine: "client" in cloudkitty ? "cloudkitty+local" : "local",
    ...("note" in cloudkitty ? { cloudkittyNote: cloudkitty.note } : {}),
    rules: {
      services: rules.services.map((s) => ({ name: s.name, id: s.service_id })),
      groups: (rules.groups ?? []).map((g) => ({ name: g.name, id: g.group_id })),
      mappings: count("mappings"),
      thresholds: count("thresholds"),
    },
    tenants,
  };
}

/** Decimals written in a decimal string (`"1.50"` has 2, `"15E-1"` 1): the report keeps the engine's scale. */
function scaleOf(text: string): number {
  const [mantissa = "", exponent = "0"] = text.toLowerCase().split("e");
  return Math.max(0, (mantissa.split(".")[1] ?? "").length - Number(exponent));
}

// A private clone: decimal.js rounds sums to 20 significant digits by default, fewer than a price carries.
const Exact = Decimal.clone({ precision: 200 });

/** The exact sum, with as many decimals as the most precise term (CloudKitty's prices carry 27). */
function exactSum(values: readonly string[]): string {
  const sum = values.reduce((acc, v) => acc.plus(v), new Exact(0));
  return sum.toFixed(Math.max(0, ...values.map(scaleOf)));
}
