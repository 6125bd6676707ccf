/** The README's first example, run against the real server with a fresh service name: its printed price holds. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRatingEngine, fetchRuleSet } from "../src/index.js";
import { haveCloudKitty, noauthClient, unique } from "./support/services.js";

describe.skipIf(!haveCloudKitty)("README example", () => {
  it("prints the price the README says, from the server and from the local engine", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const claimed = /console\.log\(await hashmap\.quote\(\{ resources: usage \}\)\); \/\/ "([^"]+)"/.exec(
      readme,
    )?.[1];
    expect(claimed).toBeDefined();
    const hashmap = noauthClient();
    const name = unique("instance");
    const svc = await hashmap.services.create({ name });
    try {
      const flavor = await hashmap.fields.create({ service_id: svc.service_id, name: "flavor_id" });
      await hashmap.mappings.create({
        field_id: flavor.field_id,
        value: "m1.small",
        type: "flat",
        cost: "1.5",
      });
      await hashmap.module.enable();
      const usage = [{ service: name, volume: "3", desc: { metadata: { flavor_id: "m1.small" } } }];
      expect(await hashmap.quote({ resources: usage })).toBe(claimed);
      expect(createRatingEngine(await fetchRuleSet(hashmap, { services: [name] })).price(usage)).toBe(
        claimed,
      );
    } finally {
      await hashmap.services.delete({ serviceId: svc.service_id });
    }
  });
});
