/** Mappings and thresholds against the real CloudKitty 17: every filter, read-merge-write updates, exact decimals. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Field,
  type Group,
  HashMapHttpError,
  type Service,
  UnsupportedByServerError,
} from "../src/index.js";
import { byId, haveCloudKitty, instances, unique } from "./support/services.js";

describe.skipIf(!haveCloudKitty).each(instances)(
  "mappings and thresholds (real CloudKitty, %s)",
  (instance, client) => {
    const hm = client();
    let svc: Service;
    let field: Field;
    let group: Group;
    let other: Group;

    beforeAll(async () => {
      svc = await hm.services.create({ name: unique("svc") });
      field = await hm.fields.create({ service_id: svc.service_id, name: "flavor_id" });
      group = await hm.groups.create({ name: unique("grp") });
      other = await hm.groups.create({ name: unique("grp") });
    });
    afterAll(async () => {
      if (!svc) return;
      await hm.services.delete({ serviceId: svc.service_id });
      await hm.groups.delete({ groupId: group.group_id, recursive: true });
      await hm.groups.delete({ groupId: other.group_id, recursive: true });
    });

    it("creates field and service mappings with exact decimal costs", async () => {
      const m = await hm.mappings.create({
        field_id: field.field_id,
        value: "m1.small",
        type: "rate",
        cost: "0.7",
        group_id: group.group_id,
      });
      expect(m).toMatchObject({
        value: "m1.small",
        type: "rate",
        cost: "0.7000000000000000000000000000",
        field_id: field.field_id,
      });
      const big = await hm.mappings.create({
        service_id: svc.service_id,
        cost: "123456789012.1234567890123456789012345678",
      });
      expect(big).toMatchObject({
        value: "",
        type: "flat",
        cost: "123456789012.1234567890123456789012345678",
        group_id: null,
      });
      expect(await hm.mappings.get({ mappingId: m.mapping_id })).toEqual(m);
      await hm.mappings.delete({ mappingId: m.mapping_id });
      await hm.mappings.delete({ mappingId: big.mapping_id });
      await expect(hm.mappings.delete({ mappingId: m.mapping_id })).rejects.toMatchObject({
        status: 404,
        reason: "not_found",
      });
    });

    it("lists with every filter the server has: parent, group, no_group, tenant", async () => {
      const f = await hm.fields.create({ service_id: svc.service_id, name: unique("fld") });
      const a = await hm.mappings.create({
        field_id: f.field_id,
        value: "a",
        cost: "1",
        group_id: group.group_id,
      });
      const b = await hm.mappings.create({ field_id: f.field_id, value: "b", cost: "2" });
      const c = await hm.mappings.create({
        field_id: f.field_id,
        value: "c",
        cost: "3",
        tenant_id: "tenant-a",
      });
      const d = await hm.mappings.create({
        field_id: f.field_id,
        value: "d",
        cost: "4",
        tenant_id: "tenant-b",
        group_id: group.group_id,
      });
      const ids = (list: { mapping_id: string }[]) => list.map((x) => x.mapping_id).sort();
      expect(ids(await hm.mappings.list({ field_id: f.field_id }))).toEqual(ids([a, b, c, d]));
      expect(ids(await hm.mappings.list({ field_id: f.field_id, group_id: group.group_id }))).toEqual(
        ids([a, d]),
      );
      expect(ids(await hm.mappings.list({ field_id: f.field_id, no_group: true }))).toEqual(ids([b, c]));
      // no_group: false must not filter (the server would read "false" as true).
      expect(ids(await hm.mappings.list({ field_id: f.field_id, no_group: false }))).toEqual(
        ids([a, b, c, d]),
      );
      expect(ids(await hm.mappings.list({ field_id: f.field_id, tenant_id: "tenant-a" }))).toEqual(ids([c]));
      expect(ids(await hm.mappings.list({ field_id: f.field_id, tenant_id: null }))).toEqual(ids([a, b]));
      expect(
        ids(
          await hm.mappings.list({ field_id: f.field_id, tenant_id: "tenant-b", group_id: group.group_id }),
        ),
      ).toEqual(ids([d]));
      expect(ids(await hm.mappings.list({ group_id: group.group_id }))).toEqual(
        expect.arrayContaining(ids([a, d])),
      );
      expect(ids(await hm.mappings.list({ service_id: svc.service_id }))).not.toContain(a.mapping_id);

      const t1 = await hm.thresholds.create({
        field_id: f.field_id,
        level: "10",
        cost: "1",
        group_id: group.group_id,
      });
      const t2 = await hm.thresholds.create({
        field_id: f.field_id,
        level: "0.123456789".slice(0, 10),
        cost: "2",
        tenant_id: "tenant-a",
      });
      const tids = (list: { threshold_id: string }[]) => list.map((x) => x.threshold_id).sort();
      expect(tids(await hm.thresholds.list({ field_id: f.field_id }))).toEqual(tids([t1, t2]));
      expect(tids(await hm.thresholds.list({ field_id: f.field_id, no_group: true }))).toEqual(tids([t2]));
      expect(tids(await hm.thresholds.list({ field_id: f.field_id, tenant_id: null }))).toEqual(tids([t1]));
      expect(tids(await hm.thresholds.list({ field_id: f.field_id, group_id: group.group_id }))).toEqual(
        tids([t1]),
      );
      expect(t2.level).toBe("0.12345678");
      await hm.fields.delete({ fieldId: f.field_id });
    });

    it("update reads, merges and writes the whole object: nothing is reset by accident", async () => {
      const m = await hm.mappings.create({
        field_id: field.field_id,
        value: "m1.large",
        type: "rate",
        cost: "2",
        group_id: group.group_id,
        tenant_id: "t9",
      });
      // A bare PUT of {cost} would turn this rate mapping flat and drop its tenant (cloudkitty.md §6).
      const u1 = await hm.mappings.update({ mappingId: m.mapping_id, patch: { cost: "2.5" } });
      expect(u1).toEqual({ ...m, cost: "2.5000000000000000000000000000" });
      const u2 = await hm.mappings.update({
        mappingId: m.mapping_id,
        patch: {
          value: "m1.xlarge",
          group_id: other.group_id,
          tenant_id: null,
        },
      });
      expect(u2).toEqual({ ...u1, value: "m1.xlarge", group_id: other.group_id, tenant_id: null });
      const u3 = await hm.mappings.update({ mappingId: m.mapping_id, patch: { type: "flat" } });
      expect(u3).toEqual({ ...u2, type: "flat" });

      const s = await hm.mappings.create({
        service_id: svc.service_id,
        type: "rate",
        cost: "3",
        tenant_id: "t1",
      });
      expect(await hm.mappings.update({ mappingId: s.mapping_id, patch: { cost: "4" } })).toEqual({
        ...s,
        cost: "4.0000000000000000000000000000",
      });
      await expect(
        hm.mappings.update({ mappingId: s.mapping_id, patch: { value: "x" } }),
      ).rejects.toMatchObject({
        code: "invalid_input",
        field: "patch.value",
      });

      const t = await hm.thresholds.create({
        service_id: svc.service_id,
        level: "100",
        type: "rate",
        cost: "0.5",
        group_id: group.group_id,
        tenant_id: "t1",
      });
      const tu = await hm.thresholds.update({ thresholdId: t.threshold_id, patch: { level: "200" } });
      expect(tu).toEqual({ ...t, level: "200.00000000" });
      expect(
        await hm.thresholds.update({ thresholdId: t.threshold_id, patch: { cost: "0.25", type: "flat" } }),
      ).toEqual({
        ...tu,
        cost: "0.2500000000000000000000000000",
        type: "flat",
      });

      await expect(
        hm.mappings.update({ mappingId: "6f7c1d5e-0000-4000-8000-00000000ffff", patch: { cost: "1" } }),
      ).rejects.toMatchObject({ status: 404 });
      // Out of its group (through a temporary group: no PUT can clear it), the rest as it was.
      const u4 = await hm.mappings.get({ mappingId: m.mapping_id });
      expect(await hm.mappings.update({ mappingId: m.mapping_id, patch: { group_id: null } })).toEqual({
        ...u4,
        group_id: null,
      });
      await expect(
        hm.mappings.update({
          mappingId: m.mapping_id,
          patch: { group_id: "6f7c1d5e-0000-4000-8000-00000000ffff" },
        }),
      ).rejects.toMatchObject({
        status: 400,
        serverMessage: expect.stringContaining("No such group"),
      });
    });

    it("maps the server's refusals to typed errors", async () => {
      await hm.mappings.create({ field_id: field.field_id, value: "dup", cost: "1", tenant_id: "tenant-a" });
      const dup = await hm.mappings
        .create({ field_id: field.field_id, value: "dup", cost: "1", tenant_id: "tenant-a" })
        .catch((e: unknown) => e);
      expect(dup).toBeInstanceOf(HashMapHttpError);
      expect(dup).toMatchObject({ status: 409, reason: "conflict" });
      await expect(
        hm.mappings.create({ field_id: "6f7c1d5e-0000-4000-8000-00000000ffff", value: "x", cost: "1" }),
      ).rejects.toMatchObject({
        status: 400,
        serverMessage: expect.stringContaining("No such field"),
      });
      await expect(
        hm.thresholds.create({
          service_id: svc.service_id,
          level: "1",
          cost: "1",
          group_id: "6f7c1d5e-0000-4000-8000-00000000ffff",
        }),
      ).rejects.toMatchObject({
        status: 400,
      });
      await hm.thresholds.create({ field_id: field.field_id, level: "5", cost: "1", tenant_id: "x" });
      await expect(
        hm.thresholds.create({ field_id: field.field_id, level: "5.0", cost: "2", tenant_id: "x" }),
      ).rejects.toMatchObject({ status: 409 });
      await expect(
        hm.thresholds.get({ thresholdId: "6f7c1d5e-0000-4000-8000-00000000ffff" }),
      ).rejects.toMatchObject({
        status: 404,
      });
      await expect(
        hm.thresholds.group({ thresholdId: "6f7c1d5e-0000-4000-8000-00000000ffff" }),
      ).rejects.toMatchObject({
        status: 404,
      });
    });

    it("turns the newer releases' fields and filters into UnsupportedByServerError on a 17 server", async () => {
      for (const filter of [
        { start: new Date() },
        { is_active: true },
        { description: "x" },
        { deleted: true },
      ]) {
        const e = await hm.mappings.list({ field_id: field.field_id, ...filter }).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(UnsupportedByServerError);
        expect(e).toMatchObject({ code: "unsupported_by_server", feature: Object.keys(filter)[0] });
      }
      const e = await hm.mappings
        .create({ service_id: svc.service_id, cost: "1", description: "peak" })
        .catch((x: unknown) => x);
      expect(e).toMatchObject({ code: "unsupported_by_server", feature: "description" });
      // A false flag is never sent, so it cannot trip the server.
      expect(
        await hm.mappings.list({ field_id: field.field_id, is_active: false, tenant_id: "none-such" }),
      ).toEqual([]);
    });

    it.skipIf(instance !== "noauth")(
      "lists what the official Python client lists, and keeps decimals the Python client loses",
      async () => {
        const { execFileSync } = await import("node:child_process");
        const env = {
          ...process.env,
          OS_AUTH_TYPE: "cloudkitty-noauth",
          OS_ENDPOINT: hm.http.options.baseUrl as string,
        };
        const cli = (...args: string[]) =>
          JSON.parse(execFileSync("cloudkitty", ["hashmap", ...args, "-f", "json"], { env }).toString());
        const s = await hm.services.create({ name: unique("svc") });
        const ours = await hm.mappings.create({ service_id: s.service_id, type: "rate", cost: "0.7" });
        const [theirs] = cli("mapping", "create", "-s", s.service_id, "-t", "rate", "0.7") as {
          "Mapping ID": string;
          Cost: string;
        }[];
        expect(theirs!.Cost).toBe("0.6999999999999999555910790150"); // sent as a JSON float
        const listed = cli("mapping", "list", "-s", s.service_id) as Record<string, string | null>[];
        const ourList = await hm.mappings.list({ service_id: s.service_id });
        const asCli = (m: (typeof ourList)[number]) => ({
          "Mapping ID": m.mapping_id,
          Value: m.value,
          Cost: m.cost,
          Type: m.type,
          "Field ID": m.field_id,
          "Service ID": m.service_id,
          "Group ID": m.group_id,
          "Project ID": m.tenant_id,
        });
        expect(byId("Mapping ID", ourList.map(asCli))).toEqual(byId("Mapping ID", listed));
        expect(ourList.find((m) => m.mapping_id === ours.mapping_id)?.cost).toBe(
          "0.7000000000000000000000000000",
        );
        await hm.services.delete({ serviceId: s.service_id });
      },
    );
  },
);
