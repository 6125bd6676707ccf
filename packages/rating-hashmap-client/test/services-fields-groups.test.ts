/** Services, fields and groups against the real CloudKitty 17 (noauth instance, PostgreSQL). */
import { describe, expect, it } from "vitest";
import { HashMapHttpError } from "../src/index.js";
import { byId, haveCloudKitty, instances, unique } from "./support/services.js";

describe.skipIf(!haveCloudKitty).each(instances)(
  "services, fields, groups (real CloudKitty, %s)",
  (_, client) => {
    const hm = client();

    it("lists the map types", async () => {
      expect([...(await hm.mapTypes.list())].sort()).toEqual(["flat", "rate"]);
    });

    it("creates, gets, lists and deletes a service; duplicates are a typed 409", async () => {
      const name = unique("svc");
      const svc = await hm.services.create({ name });
      expect(svc.name).toBe(name);
      expect(await hm.services.get({ serviceId: svc.service_id })).toEqual(svc);
      expect((await hm.services.list()).filter((s) => s.name === name)).toEqual([svc]);
      const dup = await hm.services.create({ name }).catch((e: unknown) => e);
      expect(dup).toBeInstanceOf(HashMapHttpError);
      expect(dup).toMatchObject({ status: 409, reason: "conflict", code: "http_error" });
      expect((dup as HashMapHttpError).serverMessage).toContain(`Service ${name} already exists`);
      await hm.services.delete({ serviceId: svc.service_id });
      await expect(hm.services.get({ serviceId: svc.service_id })).rejects.toMatchObject({
        status: 404,
        reason: "not_found",
      });
      await expect(hm.services.delete({ serviceId: svc.service_id })).rejects.toMatchObject({ status: 404 });
    });

    it("creates fields under a service, lists them by service, and refuses a field of an unknown service", async () => {
      const svc = await hm.services.create({ name: unique("svc") });
      const a = await hm.fields.create({ service_id: svc.service_id, name: "flavor_id" });
      const b = await hm.fields.create({ service_id: svc.service_id, name: "image_id" });
      expect(a).toMatchObject({ name: "flavor_id", service_id: svc.service_id });
      expect(await hm.fields.get({ fieldId: a.field_id })).toEqual(a);
      expect(byId("field_id", await hm.fields.list({ serviceId: svc.service_id }))).toEqual(
        byId("field_id", [a, b]),
      );
      await expect(hm.fields.create({ service_id: svc.service_id, name: "flavor_id" })).rejects.toMatchObject(
        {
          status: 409,
        },
      );
      // The server answers 400 (not 404) for a missing parent service.
      await expect(
        hm.fields.create({ service_id: "6f7c1d5e-0000-4000-8000-00000000ffff", name: "x" }),
      ).rejects.toMatchObject({
        status: 400,
        serverMessage: expect.stringContaining("No such service"),
      });
      await hm.fields.delete({ fieldId: b.field_id });
      expect(await hm.fields.list({ serviceId: svc.service_id })).toEqual([a]);
      await hm.services.delete({ serviceId: svc.service_id });
    });

    it("deleting a service is recursive: its fields, mappings and thresholds go too", async () => {
      const svc = await hm.services.create({ name: unique("svc") });
      const field = await hm.fields.create({ service_id: svc.service_id, name: "flavor_id" });
      const m1 = await hm.mappings.create({ field_id: field.field_id, value: "m1.small", cost: "1" });
      const m2 = await hm.mappings.create({ service_id: svc.service_id, cost: "2" });
      const t1 = await hm.thresholds.create({ field_id: field.field_id, level: "10", cost: "1" });
      await hm.services.delete({ serviceId: svc.service_id });
      await expect(hm.fields.get({ fieldId: field.field_id })).rejects.toMatchObject({ status: 404 });
      await expect(hm.mappings.get({ mappingId: m1.mapping_id })).rejects.toMatchObject({ status: 404 });
      await expect(hm.mappings.get({ mappingId: m2.mapping_id })).rejects.toMatchObject({ status: 404 });
      await expect(hm.thresholds.get({ thresholdId: t1.threshold_id })).rejects.toMatchObject({
        status: 404,
      });
    });

    it("deleting a field is recursive", async () => {
      const svc = await hm.services.create({ name: unique("svc") });
      const field = await hm.fields.create({ service_id: svc.service_id, name: "flavor_id" });
      const m = await hm.mappings.create({ field_id: field.field_id, value: "a", cost: "1" });
      const t = await hm.thresholds.create({ field_id: field.field_id, level: "1", cost: "1" });
      await hm.fields.delete({ fieldId: field.field_id });
      await expect(hm.mappings.get({ mappingId: m.mapping_id })).rejects.toMatchObject({ status: 404 });
      await expect(hm.thresholds.get({ thresholdId: t.threshold_id })).rejects.toMatchObject({ status: 404 });
      expect(await hm.mappings.list({ service_id: svc.service_id })).toEqual([]);
      await hm.services.delete({ serviceId: svc.service_id });
    });

    it("groups: create, get, list, their mappings and thresholds, non-recursive and recursive delete", async () => {
      const svc = await hm.services.create({ name: unique("svc") });
      const keep = await hm.groups.create({ name: unique("grp") });
      const drop = await hm.groups.create({ name: unique("grp") });
      expect(await hm.groups.get({ groupId: keep.group_id })).toEqual(keep);
      const listed = (await hm.groups.list()).filter(
        (g) => g.group_id === keep.group_id || g.group_id === drop.group_id,
      );
      expect(byId("group_id", listed)).toEqual(byId("group_id", [keep, drop]));
      await expect(hm.groups.create({ name: keep.name })).rejects.toMatchObject({ status: 409 });

      const mk = await hm.mappings.create({ service_id: svc.service_id, cost: "1", group_id: keep.group_id });
      const tk = await hm.thresholds.create({
        service_id: svc.service_id,
        level: "5",
        cost: "1",
        group_id: keep.group_id,
      });
      const md = await hm.mappings.create({ service_id: svc.service_id, cost: "2", group_id: drop.group_id });
      const td = await hm.thresholds.create({
        service_id: svc.service_id,
        level: "6",
        cost: "2",
        group_id: drop.group_id,
      });
      expect(await hm.groups.mappings({ groupId: keep.group_id })).toEqual([mk]);
      expect(await hm.groups.thresholds({ groupId: keep.group_id })).toEqual([tk]);
      expect(await hm.mappings.group({ mappingId: mk.mapping_id })).toEqual(keep);
      expect(await hm.thresholds.group({ thresholdId: tk.threshold_id })).toEqual(keep);

      // recursive: false must keep the rules (the server would read ?recursive=false as true).
      await hm.groups.delete({ groupId: keep.group_id, recursive: false });
      await expect(hm.groups.get({ groupId: keep.group_id })).rejects.toMatchObject({ status: 404 });
      expect(await hm.mappings.get({ mappingId: mk.mapping_id })).toEqual({ ...mk, group_id: null });
      expect(await hm.thresholds.get({ thresholdId: tk.threshold_id })).toEqual({ ...tk, group_id: null });
      expect(await hm.mappings.group({ mappingId: mk.mapping_id })).toBeNull();

      await hm.groups.delete({ groupId: drop.group_id, recursive: true });
      await expect(hm.mappings.get({ mappingId: md.mapping_id })).rejects.toMatchObject({ status: 404 });
      await expect(hm.thresholds.get({ thresholdId: td.threshold_id })).rejects.toMatchObject({
        status: 404,
      });
      expect(await hm.mappings.list({ service_id: svc.service_id })).toEqual([{ ...mk, group_id: null }]);
      await hm.services.delete({ serviceId: svc.service_id });
    });
  },
);
