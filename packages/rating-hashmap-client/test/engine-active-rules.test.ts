/**
 * Rules of newer CloudKitty servers carry `start`, `end` and `deleted` (mappings, migration 8a591f85865f),
 * and the module loads only those `get_filters(is_active=…)` keeps: `start <= now`, no end or `end > now`,
 * not deleted (cloudkitty/rating/common/db/filters.py upstream; CloudKitty 17 from Debian has none of it,
 * see rating/hash/db/sqlalchemy/models.py there). The engine honours them when rules carry them, at its
 * `at`, and `fetchRuleSet` returns only the rules in force: checked on rule sets that carry them, and through
 * a real HTTP server on 127.0.0.1 answering as a newer server does. The peer of each price is the same rule
 * set with exactly the rules in force, and no dates.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { seededRandom } from "@meterkit/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createHashMapClient,
  createRatingEngine,
  fetchRuleSet,
  RatingEngineError,
  type RuleSet,
  type UsageRecord,
} from "../src/index.js";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const SVC = uuid(1);
const FIELD = uuid(2);
const GROUP = uuid(3);
const AT = "2026-06-15T12:00:00";
const DATES = [
  null,
  "2020-01-01T00:00:00",
  "2026-06-15T12:00:00",
  "2026-06-15T11:59:59.999999",
  "2026-06-15T12:00:00.000001",
  "2026-06-15T12:00:00+00:00",
  "2026-06-15T14:00:00+02:00",
  "2030-01-01T00:00:00",
];

type Rule = NonNullable<RuleSet["mappings"]>[number];

/** A datetime as [UTC ms of its whole seconds, microseconds], compared as a pair (naive = UTC). */
function stamp(t: string): [number, number] {
  const [whole = "", frac = ""] = t.replace(/([+-]\d\d:\d\d|Z)$/, "").split(".");
  const zone = /([+-]\d\d:\d\d|Z)$/.exec(t)?.[1] ?? "Z";
  return [Date.parse(`${whole}${zone}`), Number(frac.padEnd(6, "0"))];
}
const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** The rule's fate as upstream's get_filters decides it: start <= now < end, not deleted. */
function inForce(rule: Rule, at: [number, number]): boolean {
  if (rule.deleted || rule.is_active === false) return false;
  if (rule.start && before(at, stamp(rule.start))) return false;
  if (rule.end && !before(at, stamp(rule.end))) return false;
  return true;
}

/** A rule set of dated mappings, some deleted or inactive, and usage that meets all of them. */
function draw(r: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const mappings: Rule[] = Array.from({ length: 1 + Math.floor(r() * 8) }, (_, i) => ({
    mapping_id: uuid(100 + i),
    value: r() < 0.3 ? null : pick(["a", "b", "c"]),
    type: pick(["flat", "rate"] as const),
    cost: pick(["1", "2.5", "0.1", "3"]),
    service_id: null,
    field_id: FIELD,
    group_id: r() < 0.5 ? GROUP : null,
    tenant_id: null,
    start: pick(DATES),
    end: pick(DATES),
    deleted: r() < 0.15 ? "2026-01-01T00:00:00" : null,
    ...(r() < 0.15 ? { is_active: r() < 0.5 } : {}),
  }));
  for (const m of mappings)
    if (m.value === null) Object.assign(m, { field_id: null, service_id: SVC, value: null });
  const rules: RuleSet = {
    services: [{ service_id: SVC, name: "svc" }],
    fields: [{ field_id: FIELD, name: "f", service_id: SVC }],
    groups: [{ group_id: GROUP, name: "g" }],
    mappings,
  };
  const records: UsageRecord[] = ["a", "b", "c", "d"].map((v) => ({
    service: "svc",
    volume: "2",
    desc: { metadata: { f: v } },
  }));
  return { rules, records };
}

describe("rules in force (start, end, deleted, is_active)", () => {
  it("prices 400 dated rule sets as the same sets with only their rules in force, at several times", () => {
    const r = seededRandom(8591);
    let excluded = 0;
    for (let i = 0; i < 400; i++) {
      const { rules, records } = draw(r);
      for (const at of [
        AT,
        "2026-06-15T12:00:00Z",
        new Date("2031-01-01T00:00:00Z"),
        "2019-06-01T00:00:00",
      ]) {
        const when: [number, number] = typeof at === "string" ? stamp(at) : [at.getTime(), 0];
        const kept = (rules.mappings ?? [])
          .filter((m) => inForce(m, when))
          .map(({ start: _s, end: _e, deleted: _d, is_active: _a, ...rest }) => rest);
        excluded += (rules.mappings ?? []).length - kept.length;
        const want = createRatingEngine({ ...rules, mappings: kept }).pricePerRecord(records);
        expect(
          createRatingEngine(rules, { at }).pricePerRecord(records),
          JSON.stringify({ i, at, rules }),
        ).toEqual(want);
      }
    }
    expect(excluded).toBeGreaterThan(400);
  });

  it("judges at the current time by default, and refuses a date it cannot read", () => {
    const base = draw(seededRandom(1)).rules;
    const rule = (start: string | null, end: string | null): RuleSet => ({
      ...base,
      mappings: [
        {
          mapping_id: uuid(9),
          value: null,
          type: "flat",
          cost: "7",
          service_id: SVC,
          field_id: null,
          group_id: null,
          tenant_id: null,
          start,
          end,
        },
      ],
    });
    const hour = 3_600_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "");
    const now = Date.now();
    const price = (rs: RuleSet) => createRatingEngine(rs).price([{ service: "svc", volume: "1" }]);
    expect(price(rule(iso(now - hour), iso(now + hour)))).toBe("7");
    expect(price(rule(iso(now + hour), null))).toBe("0");
    expect(price(rule(null, iso(now - hour)))).toBe("0");
    expect(() => createRatingEngine(rule("next tuesday", null))).toThrow(RatingEngineError);
    expect(() => createRatingEngine(rule(null, null), { at: "soon" })).toThrow(RatingEngineError);
  });
});

describe("fetchRuleSet from a newer server (real HTTP server on 127.0.0.1)", () => {
  const H = "/v1/rating/module_config/hashmap";
  let server: Server;
  let url = "";
  let rules: Rule[] = [];
  const groupsAsked: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const u = new URL(req.url ?? "/", "http://x");
      const q = u.searchParams;
      const send = (body: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const tenant = (t: string | null) => !q.has("filter_tenant") || (q.get("tenant_id") ?? null) === t;
      if (u.pathname === `${H}/services`) return send({ services: [{ service_id: SVC, name: "svc" }] });
      if (u.pathname === `${H}/fields`)
        return send({ fields: [{ field_id: FIELD, name: "f", service_id: SVC }] });
      if (u.pathname === `${H}/mappings`)
        return send({
          mappings: rules.filter(
            (m) =>
              ((q.get("service_id") && m.service_id === q.get("service_id")) ||
                (q.get("field_id") && m.field_id === q.get("field_id"))) &&
              tenant(m.tenant_id),
          ),
        });
      if (u.pathname === `${H}/thresholds`) return send({ thresholds: [] });
      if (u.pathname.startsWith(`${H}/groups/`)) {
        const id = u.pathname.slice(`${H}/groups/`.length);
        groupsAsked.push(id);
        return send({ group_id: id, name: "g" });
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("returns only the rules the server would apply at `at`, and only their groups", async () => {
    const r = seededRandom(3);
    const hm = createHashMapClient({ baseUrl: url });
    let left = 0;
    for (let i = 0; i < 40; i++) {
      const drawn = draw(r);
      // Newer servers give rules dates and `deleted`; `is_active` is only their list filter, not a field.
      rules = (drawn.rules.mappings ?? []).map(({ is_active: _, ...m }) => m);
      drawn.rules.mappings = rules;
      groupsAsked.length = 0;
      const fetched = await fetchRuleSet(hm, { at: AT });
      const when = stamp(AT);
      const want = rules.filter((m) => inForce(m, when)).map((m) => m.mapping_id);
      expect(fetched.mappings.map((m) => m.mapping_id).sort()).toEqual([...want].sort());
      left += rules.length - want.length;
      const usedGroups = new Set(rules.filter((m) => inForce(m, when) && m.group_id).map((m) => m.group_id));
      expect(new Set(groupsAsked)).toEqual(usedGroups);
      // The engine on the fetched set prices as the engine told the time on the full one.
      expect(createRatingEngine(fetched, { at: AT }).price(drawn.records)).toBe(
        createRatingEngine(drawn.rules, { at: AT }).price(drawn.records),
      );
    }
    expect(left).toBeGreaterThan(0);
  });
});
