/** Rows as the server encodes them (jsonpickle of `model.Instance` / `model.Volume`). */
import { pythonDate } from "./dates.js";
import type { Row } from "./store.js";

export function encodeRow(row: Row): Record<string, unknown> {
  const common = {
    end: row.end === null ? null : pythonDate(row.end),
    entity_id: row.entity_id,
    entity_type: row.entity_type,
    last_event: pythonDate(row.last_event),
    name: row.name,
    processed: pythonDate(row.processed),
    project_id: row.project_id,
    start: pythonDate(row.start),
  };
  if (row.entity_type === "instance") {
    const meta = row.image_meta ?? {};
    // `os` is the legacy copy of `image_meta`.
    return { ...common, flavor: row.flavor, image_meta: meta, metadata: row.metadata ?? {}, os: meta };
  }
  // The model turns a stored null into [] (`attached_to or []`).
  return {
    ...common,
    attached_to: row.attached_to ?? [],
    size: row.size,
    volume_type: row.volume_type ?? null,
  };
}
