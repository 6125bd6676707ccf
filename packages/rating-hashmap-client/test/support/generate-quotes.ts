/**
 * Rule sets and quotes for the engine-vs-server property test, drawn without the engine's own assumptions:
 * several services per quote whose names sort differently by code point and by UTF-16 unit, records of all
 * services shuffled together (and of services no rule knows), desc values of every JSON scalar type
 * (strings Python's `Decimal` reads and some it does not, ints, floats, booleans, null), numbers at the edges
 * of the 28-digit context (costs of 40 digits with 28 places, 28- and 29-digit volumes), thresholds met
 * exactly at their level (the same number written other ways: `10`, `"10.00000000"`, `10.0`), groups, and
 * tenant rules (which the quote must ignore). Seeded, so MK_TEST_SEED replays a run.
 */
import type { DescValue, HashMapClient, MapType, UsageRecord } from "../../src/index.js";
import { HashMapHttpError } from "../../src/index.js";
import { unique } from "./services.js";

type R = () => number;
type Scalar = DescValue;
const pick = <T>(r: R, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const count = (r: R, max: number) => Math.floor(r() * (max + 1));
const digits = (r: R, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join("");

/**
 * Tags that order services differently under code point and UTF-16 comparison ("𝔘" is above U+FFFF and sorts
 * after "\uFF5E" by code point but before it by UTF-16 unit), by case, and by prefix.
 */
const SERVICE_TAGS = ["a", "B", "a2", "é", "\uFF5E", "𝔘", "_", "0"];

/** A cost a Numeric(40,28) column holds: up to 12 integer digits and 28 places, some negative or zero. */
function cost(r: R): string {
  const kind = r();
  if (kind < 0.2) return pick(r, ["0", "1", "2", "0.5", "-1", "10", "1.21", "0.0001"]);
  if (kind < 0.3) return `${digits(r, 12).replace(/^0+(?=\d)/, "")}.${digits(r, 28)}`;
  if (kind < 0.4) return `0.${"0".repeat(count(r, 26))}${1 + count(r, 8)}`;
  const int = String(Number(digits(r, 1 + count(r, 3))));
  const frac = digits(r, kind < 0.7 ? 1 + count(r, 3) : 1 + count(r, 27));
  return `${r() < 0.1 ? "-" : ""}${int}.${frac}`;
}

/** A level a Numeric(20,8) column holds. */
function level(r: R): string {
  const kind = r();
  if (kind < 0.6) return pick(r, ["0", "1", "5", "10", "10.5", "100", "2048", "4096", "0.25", "-0.5", "-2"]);
  if (kind < 0.8) return `${digits(r, 1 + count(r, 11)).replace(/^0+(?=\d)/, "")}.${digits(r, 8)}`;
  return `${String(Number(digits(r, 1 + count(r, 4))))}.${digits(r, 1 + count(r, 7))}`;
}

/** The same number as `text`, written another way: an int, a float, padded text, Unicode digits. */
function sameNumber(r: R, text: string): Scalar {
  const n = Number(text);
  switch (count(r, 5)) {
    case 0:
      return text;
    case 1:
      return Number.isSafeInteger(n) ? n : text;
    case 2:
      return n; // a float where the level has places
    case 3:
      return text.includes(".") ? text : `${text}.00000000`;
    case 4:
      return ` ${text.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))}\t`;
    default:
      return text.replace(/^(-?)(\d)(\d)/, "$1$2_$3");
  }
}

const TEXT_VALUES: Scalar[] = [
  "v0",
  "v1",
  "4096",
  "m1.small",
  "True",
  "None",
  "0.5",
  "",
  " v0",
  "V0",
  "é",
  "𝔘",
  // Lists and dicts, matched by Python's repr.
  "[1, 'a']",
  "{'k': None}",
  "['x', [1.5, True, None]]",
  [1, "a"],
  { k: null },
  ["x", [1.5, true, null]],
  { "it's": '"q"' },
];
const ODD_NUMBERS: Scalar[] = [
  0,
  -1,
  1e-7,
  4096.5,
  1e21,
  2.5e-300,
  1.7976931348623157e308,
  -0,
  true,
  false,
  null,
  "Infinity",
  "-inf",
  "nan",
  "1e3",
  "+5",
  "٣",
  "1__0",
  "x",
  "",
  // decimal.Decimal(list) reads the tuple form (sign, digits, exponent); a dict raises.
  [0, [4, 0, 9, 6], 0],
  [1, [5], 0],
  [0, [1, 2], -1],
  [0, [], 0],
  [true, [1], 2],
  [0, [1], "F"],
  [1, [1], "F"],
  [0, [1], "n"],
  [0, [1.5], 0],
  [2, [1], 0],
  [0, [1, 2]],
  { k: null },
];
const VOLUMES = [
  "1",
  "3",
  "0.25",
  "0",
  "1e2",
  "1000.000001",
  "9999999999999999999999999999",
  "99999999999999999999999999999",
  "12.3456789012345678901234567890123",
  "0.0000000000000000000000000001",
  "-1",
];

interface RuleSpec {
  service: number;
  parent: { service: true } | { field: string };
  kind: "mapping" | "threshold";
  value?: string;
  level?: string;
  type: MapType;
  cost: string;
  group?: number;
  tenant?: string;
}

/** A rule set of several services, as data. */
export interface QuoteSpec {
  services: string[];
  fields: string[][];
  groups: string[];
  rules: RuleSpec[];
  records: UsageRecord[];
}

/** Draw a rule set of 1–3 services and a shuffled quote over them. */
export function drawQuote(r: R, tenantRate = 0.12): QuoteSpec {
  const base = unique("q");
  const tags = [...SERVICE_TAGS].sort(() => r() - 0.5).slice(0, 1 + count(r, 2));
  const services = tags.map((tag) => `${base}-${tag}`);
  const groups = Array.from({ length: count(r, 2) }, () => unique("qg"));
  // Fewer fields per service when there are several: every quote loads every rule on the server.
  const fields = services.map(() => ["f0", "f1", "f2"].slice(0, count(r, services.length > 1 ? 2 : 3)));
  const rules: RuleSpec[] = [];
  const levels = new Map<string, string[]>(); // "service" or "s:field" → levels of its thresholds
  const values = new Map<string, string[]>();
  services.forEach((_, s) => {
    const common = () => ({
      service: s,
      type: pick(r, ["flat", "rate"] as const),
      cost: cost(r),
      ...(groups.length > 0 && r() < 0.6 ? { group: Math.floor(r() * groups.length) } : {}),
      ...(r() < tenantRate ? { tenant: "tenant-x" } : {}),
    });
    for (let i = count(r, 2); i > 0; i--)
      rules.push({ parent: { service: true }, kind: "mapping", ...common() });
    const own: string[] = [];
    for (let i = count(r, 2); i > 0; i--) {
      const l = level(r);
      own.push(l);
      rules.push({ parent: { service: true }, kind: "threshold", level: l, ...common() });
    }
    levels.set(`${s}`, own);
    for (const field of fields[s] as string[]) {
      const vals: string[] = [];
      for (let i = count(r, 4); i > 0; i--) {
        const value =
          r() < 0.3
            ? level(r)
            : pick(
                r,
                TEXT_VALUES.filter((v) => typeof v === "string" && v !== ""),
              );
        vals.push(value as string);
        rules.push({ parent: { field }, kind: "mapping", value: value as string, ...common() });
      }
      values.set(`${s}:${field}`, vals);
      if (r() < 0.5) {
        const ls: string[] = [];
        for (let i = 1 + count(r, 2); i > 0; i--) {
          const l = level(r);
          ls.push(l);
          rules.push({ parent: { field }, kind: "threshold", level: l, ...common() });
        }
        levels.set(`${s}:${field}`, ls);
      }
    }
  });
  const records: UsageRecord[] = [];
  for (let i = 1 + count(r, 11); i > 0; i--) {
    const s = Math.floor(r() * services.length);
    const metadata: Record<string, Scalar> = {};
    const groupby: Record<string, Scalar> = {};
    for (const field of fields[s] as string[]) {
      if (r() < 0.15) continue;
      const ls = levels.get(`${s}:${field}`);
      const vals = values.get(`${s}:${field}`) ?? [];
      const kind = r();
      let value: Scalar;
      if (ls && kind < 0.4)
        value = sameNumber(r, pick(r, ls)); // exactly at a level
      else if (vals.length > 0 && kind < 0.6) value = pick(r, vals);
      else if (ls) value = pick(r, ODD_NUMBERS);
      else value = r() < 0.5 ? pick(r, TEXT_VALUES) : pick(r, ODD_NUMBERS);
      (r() < 0.3 ? groupby : metadata)[field] = value;
      // Both places sometimes: groupby wins.
      if (r() < 0.1) metadata[field] = pick(r, TEXT_VALUES);
    }
    if (r() < 0.2) metadata.unrelated = pick(r, ODD_NUMBERS);
    const own = levels.get(`${s}`) ?? [];
    const volume = own.length > 0 && r() < 0.35 ? (pick(r, own) as string) : pick(r, VOLUMES);
    records.push({
      service: r() < 0.08 ? `${base}-absent${count(r, 2)}` : (services[s] as string),
      volume,
      desc: { metadata, groupby },
    });
  }
  // Shuffle: the quote must add the services in sorted order whatever the order they come in.
  for (let i = records.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [records[i], records[j]] = [records[j] as UsageRecord, records[i] as UsageRecord];
  }
  return { services, fields, groups, rules, records };
}

/** Server ids of a created rule set, for cleanup. */
export interface CreatedQuote {
  serviceIds: string[];
  groupIds: string[];
}

/** Create the rule set on the server: services, groups, fields, then the rules in order. */
export async function createQuote(hm: HashMapClient, spec: QuoteSpec): Promise<CreatedQuote> {
  const created: CreatedQuote = { serviceIds: [], groupIds: [] };
  try {
    // Creation order does not matter: the engine prices with the rules in the order the server lists them.
    const svcs = await Promise.all(spec.services.map((name) => hm.services.create({ name })));
    created.serviceIds.push(...svcs.map((svc) => svc.service_id));
    const groups = await Promise.all(spec.groups.map((name) => hm.groups.create({ name })));
    created.groupIds.push(...groups.map((g) => g.group_id));
    const fieldIds = new Map<string, string>();
    await Promise.all(
      spec.fields.flatMap((names, s) =>
        names.map(async (name) => {
          const f = await hm.fields.create({ service_id: svcs[s]!.service_id, name });
          fieldIds.set(`${s}:${name}`, f.field_id);
        }),
      ),
    );
    await Promise.all(
      spec.rules.map(async (rule) => {
        const parent =
          "service" in rule.parent
            ? { service_id: svcs[rule.service]!.service_id }
            : { field_id: fieldIds.get(`${rule.service}:${rule.parent.field}`)! };
        const common = {
          ...parent,
          type: rule.type,
          cost: rule.cost,
          ...(rule.group === undefined ? {} : { group_id: groups[rule.group]!.group_id }),
          ...(rule.tenant === undefined ? {} : { tenant_id: rule.tenant }),
        };
        try {
          if (rule.kind === "mapping")
            await hm.mappings.create({
              ...common,
              ...(rule.value === undefined ? {} : { value: rule.value }),
            });
          else await hm.thresholds.create({ ...common, level: rule.level ?? "0" });
        } catch (error) {
          // A second rule on the same (value or level, parent, tenant) is refused (409): the set goes without it.
          if (!(error instanceof HashMapHttpError && error.status === 409)) throw error;
        }
      }),
    );
    return created;
  } catch (error) {
    await deleteQuote(hm, created);
    throw error;
  }
}

/** Remove a created rule set (service deletes cascade; groups go recursively). */
export async function deleteQuote(hm: HashMapClient, created: CreatedQuote): Promise<void> {
  await Promise.all(created.serviceIds.map((serviceId) => hm.services.delete({ serviceId })));
  await Promise.all(created.groupIds.map((groupId) => hm.groups.delete({ groupId, recursive: true })));
}
