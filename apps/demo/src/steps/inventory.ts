/** Step 1: the connector describes the provider's inventory with `@meterkit/connector-model` and serializes it. */
import {
  Connections,
  fixedClock,
  ImageDetail,
  IpAddress,
  Locations,
  Metadata,
  Network,
  Server,
  serializeList,
  Volume,
} from "@meterkit/connector-model";
import type { InventoryResult } from "../report/model.js";
import type { Plan } from "../scenario/plan.js";

const GB = 1024 ** 3;

/** Builds the connector's resource list for the plan: one network per tenant, the servers and the volumes. */
export function describeInventory(plan: Plan): InventoryResult {
  const attachments = new Map<string, string[]>();
  for (const e of plan.events) {
    const add = (volume: string, servers: string[]) => {
      for (const s of servers) attachments.set(s, [...(attachments.get(s) ?? []), volume]);
    };
    if (e.kind === "create-volume") add(e.volume.id, e.attachedTo);
    if (e.kind === "attach-volume") add(e.id, e.attachments);
  }
  const networks = plan.tenants.map(
    (t) => new Network({ id: `net-${t.id}`, name: `${t.name} private network` }),
  );
  const servers = plan.servers.map(
    (s) =>
      new Server({
        id: s.id,
        name: s.name,
        providerCreatedAt: plan.start,
        connections: new Connections({ volumes: attachments.get(s.id) ?? [], networks: [`net-${s.tenant}`] }),
        metadata: new Metadata({
          values: [
            ["tenant", s.tenant],
            ["flavor", s.flavor.name],
          ],
        }),
        locations: new Locations({ locations: [{ country: { name: s.country }, city: { name: s.city } }] }),
        state: "running",
        providerState: "ACTIVE",
        imageDetail: new ImageDetail({
          id: s.image.id,
          name: s.image.name,
          type: s.image.type === "windows" ? "Windows" : "Linux",
          distribution: s.image.distro,
          version: s.image.version,
          architecture: "64",
        }),
        instanceType: s.flavor.name,
        cpuCores: s.flavor.vcpus,
        ramB: s.flavor.ramMb * 1024 * 1024,
        ipAddresses: [
          new IpAddress({ ipAddress: s.ip, networkId: `net-${s.tenant}`, networkName: "private" }),
        ],
      }),
  );
  const volumes = plan.volumes.map(
    (v) => new Volume({ id: v.id, name: v.name, sizeB: v.sizeGb * GB, encrypted: true, zoneName: "nova" }),
  );
  // A fixed clock keeps `last_seen_at` reproducible across runs.
  const serialized = serializeList([...networks, ...servers, ...volumes], {
    clock: fixedClock(plan.start.toISOString().replace("Z", "")),
  });
  const counts: Record<string, number> = {};
  for (const item of serialized) {
    const type = String((item as { type?: unknown }).type);
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return {
    counts,
    bytes: Buffer.byteLength(JSON.stringify(serialized)),
    sample: serialized.find((item) => (item as { type?: unknown }).type === "server"),
  };
}
