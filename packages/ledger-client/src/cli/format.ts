/** How the CLI shows entities: the reference's columns and its Python-style values. */
import { pyRepr } from "@meterkit/core/python";
import { formatServerDate } from "../dates.js";
import type { Entity, ImageMeta, InstanceEntity, VolumeEntity } from "../models.js";

/** A date as the server wrote it (`2017-05-09 14:19:14+00:00`), `None` for null. @internal */
export function dateCell(date: Date | null): string {
  return date ? formatServerDate(date) : "None";
}

/** Image metadata with the server's keys (`os_type`), sorted like the server's JSON, in Python repr. @internal */
export function imageMetaCell(meta: ImageMeta): string {
  const entries = Object.entries(meta).map(([k, v]) => [k === "type" ? "os_type" : k, v] as const);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pyRepr(Object.fromEntries(entries));
}

/** The Properties column of list-entities/get-entity. @internal */
export function propertiesCell(entity: Entity): string {
  if (entity.entityType === "instance") {
    return `{'flavor': ${pyRepr(entity.flavor)}, 'image': ${imageMetaCell(entity.imageMeta)}}`;
  }
  return pyRepr({ volume_type: entity.volumeType, size: entity.size, attached_to: entity.attachedTo });
}

/** One row of list-instances. @internal */
export function instanceRow(e: InstanceEntity): (string | number)[] {
  return [e.entityId, e.name, dateCell(e.start), dateCell(e.end), e.flavor, imageMetaCell(e.imageMeta)];
}

/** One row of list-volumes; a numeric size is right-aligned, as cliff aligns numbers. @internal */
export function volumeRow(e: VolumeEntity): (string | number)[] {
  return [
    e.entityId,
    e.name,
    dateCell(e.start),
    dateCell(e.end),
    e.volumeType ?? "None",
    e.size,
    pyRepr(e.attachedTo),
  ];
}
