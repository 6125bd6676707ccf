/**
 * Random HashMap rule sets and usage for the engine-vs-server property test. A rule set is first drawn as
 * plain data from a seeded PRNG (so a failure replays from MK_TEST_SEED), then created on the server.
 */
import { type HashMapClient, HashMapHttpError, type MapType, type UsageRecord } from "../../src/index.js";
import { unique } from "./services.js";

type R = () => number;
type Desc = Record<string, string | number | boolean | null>;
const pick = <T>(r: R, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const count = (r: R, max: number) => Math.floor(r() * (max + 1));

function digits(r: R, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

/** A cost within Numeric(40,28): short and long fractions, sometimes negative or zero. */
export function randomCost(r: R): string {
  const kind = r();
  if (kind < 0.15) return pick(r, ["0", "1", "2", "0.5", "-1", "10"]);
  const int = String(Number(digits(r, 1 + count(r, 3))));
  const frac = digits(r, kind < 0.6 ? 1 + count(r, 3) : 1 + count(r, 27));
  return `${r() < 0.1 ? "-" : ""}${int}.${frac}`;
}

const LEVELS = ["0", "1", "5", "10", "10.5", "100", "2048", "4096", "0.25", "-0.5", "-2", "3000.12345678"];
const VALUES = ["v0", "v1", "v2", "4096", "m1.small", "True", "None", "0.5"];
const NUMERIC_DESC = [
  0,
  1,
  5,
  7,
  10,
  10.5,
  4096,
  4096.5,
  0.25,
  1e-7,
  "12",
  " 99.5 ",
  "1_000",
  "3000.123456789",
  "-1",
  "Infinity",
  true,
];
const TEXT_DESC = ["v0", "v1", "v2", "4096", 4096, "m1.small", 0.5, true, null, "zzz"];
const VOLUMES = [
  "1",
  "3",
  "0.25",
  "2.5",
  "1000.000001",
  "0",
  "7",
  "1e2",
  "12.3456789012345678901234567890123",
];

interface RuleSpec {
  parent: { service: true } | { field: number };
  kind: "mapping" | "threshold";
  value?: string;
  level?: string;
  type: MapType;
  cost: string;
  group?: number;
  tenant?: string;
}

/** One rule set as data. */
export interface RuleSetSpec {
  service: string;
  groups: string[];
  fields: string[];
  rules: RuleSpec[];
  records: UsageRecord[];
}

/** Draw a rule set and usage records that exercise it. */
export function drawRuleSet(r: R, tenantRate = 0.12): RuleSetSpec {
  const service = unique("prop");
  const groups = Array.from({ length: count(r, 2) }, () => unique("pg"));
  const fields = ["f0", "f1", "f2"].slice(0, count(r, 3));
  const common = () => ({
    type: pick(r, ["flat", "rate"] as const),
    cost: randomCost(r),
    ...(groups.length > 0 && r() < 0.6 ? { group: Math.floor(r() * groups.length) } : {}),
    ...(r() < tenantRate ? { tenant: "tenant-x" } : {}),
  });
  const rules: RuleSpec[] = [];
  for (let i = count(r, 3); i > 0; i--)
    rules.push({ parent: { service: true }, kind: "mapping", ...common() });
  for (let i = count(r, 2); i > 0; i--)
    rules.push({ parent: { service: true }, kind: "threshold", level: pick(r, LEVELS), ...common() });
  const numeric = new Set<string>();
  fields.forEach((name, field) => {
    for (let i = count(r, 4); i > 0; i--)
      rules.push({ parent: { field }, kind: "mapping", value: pick(r, VALUES), ...common() });
    if (r() < 0.5) {
      numeric.add(name);
      for (let i = 1 + count(r, 2); i > 0; i--)
        rules.push({ parent: { field }, kind: "threshold", level: pick(r, LEVELS), ...common() });
    }
  });
  const records: UsageRecord[] = [];
  for (let i = 1 + count(r, 2); i > 0; i--) {
    const metadata: Desc = {};
    const groupby: Desc = {};
    for (const name of fields) {
      if (r() < 0.2) continue;
      (r() < 0.3 ? groupby : metadata)[name] = numeric.has(name) ? pick(r, NUMERIC_DESC) : pick(r, TEXT_DESC);
    }
    if (r() < 0.2) metadata.unrelated = "x";
    records.push({
      service: r() < 0.08 ? unique("absent") : service,
      volume: pick(r, VOLUMES),
      desc: { metadata, groupby },
    });
  }
  return { service, groups, fields, rules, records };
}

/** Server ids of a created rule set, for cleanup. */
export interface Created {
  serviceId: string;
  groupIds: string[];
}

/** Create the rule set on the server: service, groups, fields, then the rules in order. */
export async function createRuleSet(hm: HashMapClient, spec: RuleSetSpec): Promise<Created> {
  const svc = await hm.services.create({ name: spec.service });
  const groups = await Promise.all(spec.groups.map((name) => hm.groups.create({ name })));
  const fields = [];
  for (const name of spec.fields) fields.push(await hm.fields.create({ service_id: svc.service_id, name }));
  for (const rule of spec.rules) {
    const parent =
      "service" in rule.parent
        ? { service_id: svc.service_id }
        : { field_id: fields[rule.parent.field]!.field_id };
    const common = {
      ...parent,
      type: rule.type,
      cost: rule.cost,
      ...(rule.group === undefined ? {} : { group_id: groups[rule.group]!.group_id }),
      ...(rule.tenant === undefined ? {} : { tenant_id: rule.tenant }),
    };
    try {
      if (rule.kind === "mapping")
        await hm.mappings.create({ ...common, ...(rule.value === undefined ? {} : { value: rule.value }) });
      else await hm.thresholds.create({ ...common, level: rule.level ?? "0" });
    } catch (error) {
      // Rules with a tenant are unique per (value or level, parent, tenant); quotes ignore them anyway.
      if (!(error instanceof HashMapHttpError && error.status === 409 && rule.tenant)) throw error;
    }
  }
  return { serviceId: svc.service_id, groupIds: groups.map((g) => g.group_id) };
}

/** Remove a rule set (the service delete cascades; groups go recursively). */
export async function deleteRuleSet(hm: HashMapClient, created: Created): Promise<void> {
  await hm.services.delete({ serviceId: created.serviceId });
  await Promise.all(created.groupIds.map((id) => hm.groups.delete({ groupId: id, recursive: true })));
}
