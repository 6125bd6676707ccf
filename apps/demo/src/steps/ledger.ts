/**
 * Step 3: the month's lifecycles written to Almanach with `@meterkit/ledger-client` (volume type, creates,
 * resizes, attachments, deletes), then read back per tenant: the rows rating prices in step 4.
 */
import type { AlmanachClient, Entity } from "@meterkit/ledger-client";
import type { LedgerResult } from "../report/model.js";
import type { LifecycleEvent, Plan } from "../scenario/plan.js";
import { VOLUME_TYPE } from "../scenario/prices.js";

/** What the ledger step leaves for the next ones: each tenant's rows for the month. */
export interface LedgerOutput {
  result: LedgerResult;
  rows: Map<string, Entity[]>;
}

async function write(almanach: AlmanachClient, e: LifecycleEvent, volumeTypeId: string): Promise<void> {
  switch (e.kind) {
    case "create-instance": {
      const s = e.server;
      await almanach.instances.create({
        tenantId: s.tenant,
        instanceId: s.id,
        name: s.name,
        flavor: s.flavor.name,
        start: e.at,
        imageMeta: { distro: s.image.distro, version: s.image.version, type: s.image.type },
      });
      return;
    }
    case "resize-instance":
      await almanach.instances.resize({ instanceId: e.id, flavor: e.flavor, resizeDate: e.at });
      return;
    case "delete-instance":
      await almanach.instances.delete({ instanceId: e.id, end: e.at });
      return;
    case "create-volume":
      await almanach.volumes.create({
        tenantId: e.volume.tenant,
        volumeId: e.volume.id,
        volumeTypeId,
        name: e.volume.name,
        size: e.volume.sizeGb,
        attachments: e.attachedTo,
        start: e.at,
      });
      return;
    case "resize-volume":
      await almanach.volumes.resize({ volumeId: e.id, size: e.sizeGb, resizeDate: e.at });
      return;
    case "attach-volume":
      await almanach.volumes.attach({ volumeId: e.id, attachments: e.attachments, attachmentDate: e.at });
      return;
    case "detach-volume":
      await almanach.volumes.detach({ volumeId: e.id, attachments: e.remaining, attachmentDate: e.at });
      return;
    case "delete-volume":
      await almanach.volumes.delete({ volumeId: e.id, end: e.at });
      return;
  }
}

/** Writes every event in order (Almanach needs the create before the resize), then reads each tenant back. */
export async function recordLifecycles(almanach: AlmanachClient, plan: Plan): Promise<LedgerOutput> {
  const volumeTypeId = `${VOLUME_TYPE}-${plan.runId}`;
  await almanach.volumeTypes.create({ volumeTypeId, volumeTypeName: VOLUME_TYPE });
  for (const e of plan.events) await write(almanach, e, volumeTypeId);
  const rows = new Map<string, Entity[]>();
  const tenants: LedgerResult["tenants"] = [];
  for (const t of plan.tenants) {
    const entities = await almanach.entities.list({ tenantId: t.id, start: plan.start, end: plan.end });
    rows.set(t.id, entities);
    const ids = (type: Entity["entityType"]) => [
      ...new Set(entities.filter((x) => x.entityType === type).map((x) => x.entityId)),
    ];
    tenants.push({
      tenant: t.name,
      tenantId: t.id,
      rows: entities.length,
      instances: ids("instance"),
      volumes: ids("volume"),
    });
  }
  return { result: { volumeTypeId, eventsWritten: plan.events.length, tenants }, rows };
}
