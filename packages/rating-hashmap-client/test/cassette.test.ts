/**
 * "Testing your code" from the README: record the client's exchanges with the real (Keystone-protected)
 * CloudKitty into a cassette, replay them offline through the injected dispatcher, get the same results;
 * the token never reaches the file.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tokenAuth } from "@meterkit/core";
import { cassetteDispatcher } from "@meterkit/core/testing";
import { describe, expect, it, onTestFinished } from "vitest";
import { createHashMapClient, type HashMapClient } from "../src/index.js";
import { haveCloudKitty, keystoneFor, services } from "./support/services.js";

/** A fixed scenario: create, update (PUT → 302 → GET), read the group, delete; returns what the caller saw. */
async function scenario(hm: HashMapClient, name: string) {
  const svc = await hm.services.create({ name });
  const m = await hm.mappings.create({
    service_id: svc.service_id,
    type: "rate",
    cost: "0.7",
    tenant_id: "t1",
  });
  const updated = await hm.mappings.update({ mappingId: m.mapping_id, patch: { cost: "0.75" } });
  const group = await hm.mappings.group({ mappingId: m.mapping_id });
  await hm.services.delete({ serviceId: svc.service_id });
  const gone = await hm.services
    .get({ serviceId: svc.service_id })
    .catch((e: { status: number }) => e.status);
  return { svc, m, updated, group, gone };
}

describe.skipIf(!haveCloudKitty)("cassette record and replay (real CloudKitty behind Keystone)", () => {
  it("replays a recorded session offline with identical results", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hashmap-cassette-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "session.cassette.json");
    const name = `cassette-${Date.now()}`;
    const keystone = keystoneFor("admin");
    const token = (await keystone.token()).token;
    const recorder = cassetteDispatcher({ file, mode: "record" });
    const live = await scenario(createHashMapClient({ auth: keystone, dispatcher: recorder }), name);
    await recorder.close();
    expect(live.updated).toEqual({ ...live.m, cost: "0.7500000000000000000000000000" });
    expect(live.group).toBeNull();
    expect(live.gone).toBe(404);

    const text = readFileSync(file, "utf8");
    expect(text).not.toContain(token);
    expect(text).toContain('"status": 302');

    const player = cassetteDispatcher({ file, mode: "replay" });
    const hm = createHashMapClient({
      baseUrl: services.MK_CLOUDKITTY_URL ?? "",
      auth: tokenAuth({ token: "replay-token", header: "X-Auth-Token" }),
      dispatcher: player,
    });
    expect(await scenario(hm, name)).toEqual(live);
    expect(player.unused()).toEqual([]);
  });
});
