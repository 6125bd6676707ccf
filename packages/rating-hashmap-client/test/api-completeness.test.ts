/**
 * The seed's API, complete, against the real CloudKitty 17: `force` on creation, rules listed without a
 * parent (`all`, `no_group` alone), a quote's other `desc` keys sent unchanged, and an update that takes a
 * rule out of its group.
 */
import type { Middleware, PreparedRequest } from "@meterkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHashMapClient, type HashMapClient, type Mapping, type Threshold } from "../src/index.js";
import { haveCloudKitty, noauthClient, services, stableQuote, unique } from "./support/services.js";

const ids = (items: readonly Mapping[]) => items.map((m) => m.mapping_id).sort();
const tids = (items: readonly Threshold[]) => items.map((t) => t.threshold_id).sort();

/** Whatever a call throws (or `undefined`). */
async function failure(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe.skipIf(!haveCloudKitty)("the seed's API on CloudKitty 17", () => {
  const hm = noauthClient();
  const made: string[] = [];
  const groups: string[] = [];
  afterAll(async () => {
    for (const serviceId of made) await hm.services.delete({ serviceId }).catch(() => undefined);
    for (const groupId of groups) await hm.groups.delete({ groupId }).catch(() => undefined);
  });

  describe("force on mapping creation", () => {
    let serviceId = "";
    beforeAll(async () => {
      serviceId = (await hm.services.create({ name: unique("force") })).service_id;
      made.push(serviceId);
    });

    it("force alone creates the rule on a release without start/end (nothing else to relax)", async () => {
      const sent: PreparedRequest[] = [];
      const spy: Middleware = (next) => (request) => {
        sent.push(request);
        return next(request);
      };
      const watched = createHashMapClient({
        baseUrl: services.MK_CLOUDKITTY_NOAUTH_URL ?? "",
        middleware: [spy],
      });
      const m = await watched.mappings.create({ service_id: serviceId, cost: "1.5", force: true });
      expect(m).toMatchObject({ service_id: serviceId, cost: "1.5000000000000000000000000000" });
      expect(sent.map((r) => r.url.search)).toEqual([""]);
      expect(JSON.parse(sent[0]?.body ?? "{}")).not.toHaveProperty("force");
    });

    it("a start in the past without force is refused before anything is sent", async () => {
      const error = await failure(() =>
        hm.mappings.create({ service_id: serviceId, cost: "1", start: "2001-01-01T00:00:00" }),
      );
      expect(error).toMatchObject({ code: "invalid_input", field: "start" });
      expect(String((error as Error).message)).toMatch(/force: true/);
      const backwards = await failure(() =>
        hm.mappings.create({
          service_id: serviceId,
          cost: "1",
          start: new Date(Date.now() + 86_400_000 * 30),
          end: new Date(Date.now() + 86_400_000),
        }),
      );
      expect(backwards).toMatchObject({ code: "invalid_input", field: "end" });
    });

    it("with force and a past start, a 17 server's refusal of the newer parameter is typed", async () => {
      const error = await failure(() =>
        hm.mappings.create({ service_id: serviceId, cost: "1", start: "2001-01-01T00:00:00", force: true }),
      );
      expect(error).toMatchObject({ code: "unsupported_by_server" });
      // The query is read before the body: the server names `force` (it would then refuse `start` too).
      expect(error).toMatchObject({ feature: "force" });
      expect(await hm.mappings.list({ service_id: serviceId, no_group: true })).toHaveLength(1);
    });
  });

  describe("rules listed without a parent", () => {
    const mine: { mappings: Mapping[]; thresholds: Threshold[] } = { mappings: [], thresholds: [] };
    let groupId = "";
    beforeAll(async () => {
      groupId = (await hm.groups.create({ name: unique("all") })).group_id;
      groups.push(groupId);
      for (const n of [1, 2]) {
        const s = await hm.services.create({ name: unique(`all${n}`) });
        made.push(s.service_id);
        const f = await hm.fields.create({ service_id: s.service_id, name: "flavor_id" });
        mine.mappings.push(
          await hm.mappings.create({ service_id: s.service_id, cost: "1" }),
          await hm.mappings.create({ field_id: f.field_id, value: "m1", cost: "2", group_id: groupId }),
          await hm.mappings.create({ field_id: f.field_id, value: "m2", cost: "3", tenant_id: "t1" }),
        );
        mine.thresholds.push(
          await hm.thresholds.create({ service_id: s.service_id, level: "10", cost: "1", group_id: groupId }),
          await hm.thresholds.create({ field_id: f.field_id, level: "5", cost: "2" }),
        );
      }
    });
    const keep = <T extends { mapping_id?: string; threshold_id?: string }>(items: T[], of: T[]) => {
      const wanted = new Set(of.map((i) => i.mapping_id ?? i.threshold_id));
      return items.filter((i) => wanted.has(i.mapping_id ?? i.threshold_id));
    };

    it("all: true lists every service's and field's rules, as the server stores them", async () => {
      const all = await hm.mappings.list({ all: true });
      expect(ids(keep(all, mine.mappings))).toEqual(ids(mine.mappings));
      // Each as a GET of the rule answers it (no field lost or rewritten on the way).
      for (const m of keep(all, mine.mappings))
        expect(m).toEqual(await hm.mappings.get({ mappingId: m.mapping_id }));
      // Every rule of every parent, and nothing else: the same set the per-parent lists give.
      const perParent: Mapping[] = [];
      for (const s of await hm.services.list()) {
        perParent.push(...(await hm.mappings.list({ service_id: s.service_id })));
        for (const f of await hm.fields.list({ serviceId: s.service_id }))
          perParent.push(...(await hm.mappings.list({ field_id: f.field_id })));
      }
      expect(ids(keep(all, perParent))).toEqual(ids(keep(perParent, all)));
      const thresholds = await hm.thresholds.list({ all: true });
      expect(tids(keep(thresholds, mine.thresholds))).toEqual(tids(mine.thresholds));
    });

    it("no_group alone lists the ungrouped rules of every parent; filters combine", async () => {
      const ungrouped = await hm.mappings.list({ no_group: true });
      expect(ids(keep(ungrouped, mine.mappings))).toEqual(ids(mine.mappings.filter((m) => !m.group_id)));
      expect(ungrouped.every((m) => m.group_id === null)).toBe(true);
      const noTenant = await hm.mappings.list({ all: true, tenant_id: null });
      expect(ids(keep(noTenant, mine.mappings))).toEqual(ids(mine.mappings.filter((m) => !m.tenant_id)));
      const t1 = await hm.mappings.list({ no_group: true, tenant_id: "t1" });
      expect(ids(keep(t1, mine.mappings))).toEqual(ids(mine.mappings.filter((m) => m.tenant_id === "t1")));
      const loose = await hm.thresholds.list({ no_group: true });
      expect(tids(keep(loose, mine.thresholds))).toEqual(tids(mine.thresholds.filter((t) => !t.group_id)));
    });

    it("still refuses a list that names nothing (the server would answer 500)", async () => {
      expect(await failure(() => hm.mappings.list({}))).toMatchObject({ code: "invalid_input" });
      expect(await failure(() => hm.mappings.list({ all: false }))).toMatchObject({ code: "invalid_input" });
    });
  });

  describe("a quote's other desc keys", () => {
    it("are sent unchanged; HashMap prices metadata and groupby only", async () => {
      const name = unique("desc");
      const s = await hm.services.create({ name });
      made.push(s.service_id);
      const f = await hm.fields.create({ service_id: s.service_id, name: "flavor" });
      await hm.mappings.create({ field_id: f.field_id, value: "m1.nano", cost: "2" });
      const bodies: unknown[] = [];
      const spy: Middleware = (next) => (request) => {
        bodies.push(JSON.parse(request.body ?? "null"));
        return next(request);
      };
      const watched = createHashMapClient({
        baseUrl: services.MK_CLOUDKITTY_NOAUTH_URL ?? "",
        middleware: [spy],
      });
      // cloudkittyclient's sample: a flat desc (here beside metadata).
      const desc = { flavor: "m1.nano", ram: 64, image_id: "c43a3e7d", metadata: { flavor: "m1.nano" } };
      const resources = [{ service: name, volume: "3", desc }];
      await hm.module.enable();
      // stableQuote: the shared server answers "0" while another run deletes rules (support/services.ts).
      expect(await stableQuote(watched, resources, "6")).toBe("6.000000000000000000000000000");
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) expect(body).toEqual({ resources });
      // A flat desc alone reaches the server too, which prices it to nothing.
      bodies.length = 0;
      const flat = [{ service: name, volume: "3", desc: { flavor: "m1.nano" } }];
      expect(Number(await watched.quote({ resources: flat }))).toBe(0);
      expect(bodies).toEqual([{ resources: flat }]);
    });
  });

  describe("an update that takes a rule out of its group", () => {
    let hmc: HashMapClient;
    const temporaryGroups = async (ruleId: string) =>
      (await hmc.groups.list()).filter(
        (g) => g.name.startsWith("meterkit-ungroup-") && g.name.includes(ruleId),
      );
    let fieldId = "";
    let serviceId = "";
    beforeAll(async () => {
      hmc = hm;
      serviceId = (await hm.services.create({ name: unique("ungroup") })).service_id;
      made.push(serviceId);
      fieldId = (await hm.fields.create({ service_id: serviceId, name: "flavor_id" })).field_id;
    });

    it("keeps the id and the group's other rules; the temporary group is gone", async () => {
      const g = await hmc.groups.create({ name: unique("g") });
      groups.push(g.group_id);
      const a = await hmc.mappings.create({
        field_id: fieldId,
        value: "a",
        cost: "1",
        group_id: g.group_id,
        tenant_id: "t7",
        type: "rate",
      });
      const b = await hmc.mappings.create({ field_id: fieldId, value: "b", cost: "1", group_id: g.group_id });
      const out = await hmc.mappings.update({
        mappingId: a.mapping_id,
        patch: { group_id: null, cost: "2.5" },
      });
      expect(out).toEqual({ ...a, group_id: null, cost: "2.5000000000000000000000000000" });
      expect(await hmc.mappings.get({ mappingId: a.mapping_id })).toEqual(out);
      expect(await hmc.mappings.group({ mappingId: a.mapping_id })).toBeNull();
      expect(ids(await hmc.groups.mappings({ groupId: g.group_id }))).toEqual([b.mapping_id]);
      // The temporary group is named after the rule (other runs may create groups meanwhile).
      expect(await temporaryGroups(a.mapping_id)).toEqual([]);
      expect((await hmc.groups.list()).map((x) => x.group_id)).toContain(g.group_id);
      // Already in no group: a plain PUT.
      const again = await hmc.mappings.update({ mappingId: a.mapping_id, patch: { group_id: null } });
      expect(again).toEqual(out);
    });

    it("thresholds too", async () => {
      const g = await hmc.groups.create({ name: unique("g") });
      groups.push(g.group_id);
      const t = await hmc.thresholds.create({
        service_id: serviceId,
        level: "3",
        cost: "1",
        group_id: g.group_id,
      });
      const out = await hmc.thresholds.update({ thresholdId: t.threshold_id, patch: { group_id: null } });
      expect(out).toEqual({ ...t, group_id: null });
      expect(await hmc.groups.thresholds({ groupId: g.group_id })).toEqual([]);
      expect(await temporaryGroups(t.threshold_id)).toEqual([]);
    });

    it("a failed PUT leaves the rule in its group and no temporary group behind", async () => {
      const g = await hmc.groups.create({ name: unique("g") });
      groups.push(g.group_id);
      const m = await hmc.mappings.create({
        field_id: fieldId,
        value: "c",
        cost: "1",
        group_id: g.group_id,
        tenant_id: "tx",
      });
      await hmc.mappings.create({ field_id: fieldId, value: "d", cost: "1", tenant_id: "tx" });
      // The value clashes with the other mapping of the field and tenant: the server's unique key refuses it.
      const error = await failure(() =>
        hmc.mappings.update({ mappingId: m.mapping_id, patch: { group_id: null, value: "d" } }),
      );
      expect(error).toMatchObject({ code: "http_error", status: 409 });
      expect(await hmc.mappings.get({ mappingId: m.mapping_id })).toEqual(m);
      expect(await temporaryGroups(m.mapping_id)).toEqual([]);
    });
  });
});
