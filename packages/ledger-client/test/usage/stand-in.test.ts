/**
 * Usage from what the Almanach stand-in (replay-checked against a real Almanach 4.1) returns for a recorded
 * kind of lifecycle: create, resize, volume attach, delete — the server's own row splitting, not ours.
 */
import { randomUUID } from "node:crypto";
import { type RunningAlmanach, startAlmanach } from "@meterkit/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { computeUsage, createAlmanachClient } from "../../src/index.js";

let almanach: RunningAlmanach;
beforeAll(async () => {
  almanach = await startAlmanach({ token: "usage-token" });
});
afterAll(() => almanach.close());

it("computes daily usage from the rows the server keeps", async () => {
  const client = createAlmanachClient({ baseUrl: almanach.url, token: "usage-token" });
  const tenantId = `usage-${randomUUID()}`;
  const instanceId = randomUUID();
  const volumeId = randomUUID();
  const volumeTypeId = randomUUID();
  await client.volumeTypes.create({ volumeTypeId, volumeTypeName: "gold" });
  await client.instances.create({
    tenantId,
    instanceId,
    name: "vm",
    flavor: "A1.1",
    start: "2017-01-01T18:00:00Z",
  });
  await client.instances.resize({ instanceId, flavor: "A1.2", resizeDate: "2017-01-02T06:00:00Z" });
  await client.volumes.create({
    tenantId,
    volumeId,
    volumeTypeId,
    name: "v",
    size: 3,
    start: "2017-01-01T00:00:00Z",
  });
  await client.volumes.attach({
    volumeId,
    attachments: [instanceId],
    attachmentDate: "2017-01-01T12:00:00Z",
  });
  await client.instances.delete({ instanceId, end: "2017-01-02T12:00:00Z" });
  const rows = await client.entities.list({ tenantId, start: "2017-01-01", end: "2017-01-03" });
  const usage = computeUsage(rows, { from: new Date("2017-01-01Z"), to: new Date("2017-01-03Z"), by: "day" });
  const lines = usage.map((u) =>
    u.entityType === "instance"
      ? `${u.bucketStart.toISOString().slice(0, 10)} ${u.flavor} ${u.hours.value}h`
      : `${u.bucketStart.toISOString().slice(0, 10)} ${u.volumeType} ${u.attached ? "attached" : "detached"} ${u.gbHours.value}GBh`,
  );
  expect(lines.sort()).toEqual([
    "2017-01-01 A1.1 6h",
    "2017-01-01 gold attached 36GBh",
    "2017-01-01 gold detached 36GBh",
    "2017-01-02 A1.1 6h",
    "2017-01-02 A1.2 6h",
    "2017-01-02 gold attached 72GBh",
  ]);
});
