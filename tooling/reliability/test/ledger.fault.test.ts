/** @meterkit/ledger-client under 1,000 faulty operations, against the Almanach stand-in behind the fault proxy. */
import { createAlmanachClient } from "@meterkit/ledger-client";
import { startAlmanach } from "@meterkit/sandbox";
import { expect, it } from "vitest";
import { type Operation, runCampaign } from "../src/campaign.js";
import { startFaultRig } from "../src/fault-rig.js";
import { expectResilient, record } from "./support/verdict.js";

const OPERATIONS = 1_000;
const TENANT = "tenant-fault";
const SEEDED = 40;
const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1) + minutes * 60_000);

it("ledger-client: every operation completes or fails typed, no POST reaches Almanach twice, no socket left open", async () => {
  const almanach = await startAlmanach({ token: "fault-token" });
  const rig = await startFaultRig({ target: almanach.url, seed: 1010, stallMs: 1_400 });
  // Seed directly (no proxy): instances and a volume type the faulty operations work on.
  const direct = createAlmanachClient({ baseUrl: almanach.url, token: "fault-token" });
  await direct.volumeTypes.create({ volumeTypeId: "vt-fault", volumeTypeName: "fault-ssd" });
  for (let k = 0; k < SEEDED; k++) {
    await direct.instances.create({
      tenantId: TENANT,
      instanceId: `seed-${k}`,
      name: `seed ${k}`,
      flavor: "m1.small",
      start: at(k),
    });
  }
  const client = createAlmanachClient({
    baseUrl: rig.proxy.url,
    token: "fault-token",
    dispatcher: rig.dispatcher,
    retry: rig.retry,
    timeoutMs: 300,
  });
  const period = { tenantId: TENANT, start: at(0), end: at(1_000_000) };
  const operations: Operation[] = Array.from({ length: OPERATIONS }, (_, i) => {
    const seeded = `seed-${i % SEEDED}`;
    switch (i % 10) {
      case 0:
      case 5:
        return {
          name: `createInstance ${i}`,
          run: () =>
            client.instances.create({
              tenantId: TENANT,
              instanceId: `inst-${i}`,
              name: `instance ${i}`,
              flavor: "m1.small",
              start: at(100 + i),
              imageMeta: { distro: "debian", version: "12" },
            }),
        };
      case 1:
        return {
          name: `createVolumeType ${i}`,
          run: () => client.volumeTypes.create({ volumeTypeId: `vt-${i}`, volumeTypeName: `type-${i}` }),
        };
      case 2:
        return { name: `getInstances ${i}`, run: () => client.instances.list(period) };
      case 3:
        return { name: `getVolumeTypes ${i}`, run: () => client.volumeTypes.list() };
      case 4:
        return { name: `getInfo ${i}`, run: () => client.info.get() };
      case 6:
        return {
          name: `resizeInstance ${i}`,
          run: () =>
            client.instances.resize({ instanceId: seeded, flavor: `f-${i}`, resizeDate: at(5_000 + i) }),
        };
      case 7:
        return { name: `getEntity ${i}`, run: () => client.entities.get({ entityId: seeded }) };
      case 8:
        return { name: `getTenantEntities ${i}`, run: () => client.entities.list(period) };
      default:
        return {
          name: `createVolume ${i}`,
          run: () =>
            client.volumes.create({
              tenantId: TENANT,
              volumeId: `vol-${i}`,
              volumeTypeId: "vt-fault",
              name: `volume ${i}`,
              size: 1 + (i % 100),
              start: at(200 + i),
            }),
        };
    }
  });
  const untyped: string[] = [];
  const row = record(
    await runCampaign({
      client: "ledger-client",
      proxy: rig.proxy,
      operations,
      concurrency: 8,
      retries: rig.retries,
      closeClient: () => rig.dispatcher.close(),
      onUntyped: (op, error) => untyped.push(`${op}: ${String(error)}`),
    }),
  );
  await rig.proxy.close();
  await almanach.close();
  expect(untyped.slice(0, 5)).toEqual([]);
  expect(row.retries).toBeGreaterThan(0);
  expectResilient(row, OPERATIONS);
});
