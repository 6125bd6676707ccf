/** The module switch, quotes, the server's error shapes and Keystone auth, against the real CloudKitty 17. */
import { tokenAuth } from "@meterkit/core";
import { afterAll, describe, expect, it } from "vitest";
import { createHashMapClient, HashMapHttpError } from "../src/index.js";
import {
  haveCloudKitty,
  instances,
  keystoneClient,
  keystoneFor,
  services,
  unique,
} from "./support/services.js";

describe.skipIf(!haveCloudKitty).each(instances)(
  "rating modules and quote (real CloudKitty, %s)",
  (_, client) => {
    const hm = client();
    afterAll(async () => {
      // Leave the shared server as services.sh started it, whatever happened.
      await hm.module.enable();
      await hm.module.setPriority({ priority: 1 });
    });

    it("lists the modules and reads hashmap's state", async () => {
      const modules = await hm.modules.list();
      expect(modules.map((m) => m.module_id)).toEqual(expect.arrayContaining(["hashmap", "noop"]));
      expect(await hm.module.get()).toEqual(modules.find((m) => m.module_id === "hashmap"));
      await expect(hm.modules.get({ moduleId: "unknown" })).rejects.toMatchObject({
        status: 404,
        serverMessage: "Module not found.",
      });
    });

    it("disables and enables hashmap and sets its priority (PUT answers 302 to itself: a success)", async () => {
      const svc = await hm.services.create({ name: unique("svc") });
      await hm.mappings.create({ service_id: svc.service_id, cost: "1.5" });
      const usage = [{ service: svc.name, volume: "2" }];
      expect(await hm.module.disable()).toMatchObject({ module_id: "hashmap", enabled: false });
      expect(await hm.quote({ resources: usage })).toBe("0");
      expect(await hm.module.enable()).toMatchObject({ enabled: true });
      expect(await hm.quote({ resources: usage })).toBe("3.000000000000000000000000000");
      expect(await hm.module.setPriority({ priority: 5 })).toMatchObject({ priority: 5, enabled: true });
      expect(await hm.modules.update({ moduleId: "hashmap", priority: 1 })).toMatchObject({ priority: 1 });
      await hm.services.delete({ serviceId: svc.service_id });
    });

    it("answers routing errors as JSON, because the client sends Accept: application/json", async () => {
      const e = await hm.http
        .request({
          method: "PUT",
          path: "/v1/rating/module_config/hashmap/services/{id}",
          pathParams: { id: "x" },
          body: { name: "y" },
        })
        .catch((x: unknown) => new HashMapHttpError(x as never));
      expect(e).toMatchObject({
        status: 405,
        reason: "not_allowed",
        body: { code: 405, title: "Method Not Allowed" },
      });
    });

    it("turns a quote's 500 into a typed server error", async () => {
      const e = await hm.http
        .request({
          method: "POST",
          path: "/v1/rating/quote",
          body: { resources: [{ service: "x", volume: "1" }] },
        })
        .catch((x: unknown) => new HashMapHttpError(x as never));
      expect(e).toMatchObject({ status: 500, reason: "server" });
    });
  },
);

describe.skipIf(!haveCloudKitty)("Keystone (real Keystone 22 + CloudKitty 17)", () => {
  it("finds CloudKitty in the catalog by service type rating", async () => {
    const keystone = keystoneFor("admin");
    const catalog = (await keystone.token()).catalog;
    const rating = catalog.find((c) => c.type === "rating");
    expect(rating?.endpoints.map((e) => e.url)).toContain(services.MK_CLOUDKITTY_URL);
    const hm = createHashMapClient({ auth: keystone, endpoint: { interface: "internal" } });
    expect([...(await hm.mapTypes.list())].sort()).toEqual(["flat", "rate"]);
  });

  it("a member may quote but not configure: the policy's 403s in both error shapes", async () => {
    const demo = keystoneClient("demo");
    const configure = await demo.services.list().catch((x: unknown) => x);
    expect(configure).toBeInstanceOf(HashMapHttpError);
    expect(configure).toMatchObject({
      status: 403,
      reason: "forbidden",
      serverMessage: expect.stringContaining("rating:module_config"),
    });
    await expect(demo.modules.list()).rejects.toMatchObject({
      status: 403,
      serverMessage: expect.stringContaining("rating:list_modules"),
    });
    expect(await demo.quote({ resources: [{ service: unique("nothing"), volume: "1" }] })).toBe("0");
  });

  it("works with a static token (X-Auth-Token) issued by Keystone", async () => {
    const { token } = await keystoneFor("admin").token();
    const hm = createHashMapClient({
      baseUrl: services.MK_CLOUDKITTY_URL ?? "",
      auth: tokenAuth({ token, header: "X-Auth-Token" }),
    });
    expect((await hm.module.get()).module_id).toBe("hashmap");
  });

  it("a bad token is a typed 401 (keystonemiddleware's shape), and the token never shows in the error", async () => {
    const hm = createHashMapClient({
      baseUrl: services.MK_CLOUDKITTY_URL ?? "",
      auth: tokenAuth({ token: "bogus-token-123", header: "X-Auth-Token" }),
    });
    const e = await hm.mapTypes.list().catch((x: unknown) => x);
    expect(e).toMatchObject({
      status: 401,
      reason: "unauthorized",
      serverMessage: expect.stringContaining("requires authentication"),
    });
    expect(JSON.stringify(e) + String(e)).not.toContain("bogus-token-123");
  });
});
