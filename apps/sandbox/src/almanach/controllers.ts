/** Almanach's controllers: what each route does to the store (almanach/core/controllers/*.py). */

import { parseBodyDate } from "./dates.js";
import { AlmanachApiError, badDate, entityNotFound, volumeTypeNotFound } from "./errors.js";
import type { Row, Store } from "./store.js";

/** Options the controllers read from the server config. */
export interface ControllerConfig {
  /** `[entities] instance_image_meta`. */
  imageMetaWhitelist: readonly string[];
  /** `[entities] volume_existence_threshold`, seconds. */
  volumeExistenceThreshold: number;
}

export function date(value: unknown): number {
  const parsed = parseBodyDate(value);
  if (parsed === undefined) throw badDate();
  return parsed;
}

function activeOr404(store: Store, id: string): Row {
  const row = store.active(id);
  if (!row) throw entityNotFound(id);
  return row;
}

function filterMeta(config: ControllerConfig, meta: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(config.imageMetaWhitelist.map((k) => [k, meta[k] ?? null]));
}

export function createInstance(
  store: Store,
  config: ControllerConfig,
  a: {
    id: string;
    project: string;
    createdAt: unknown;
    name: unknown;
    flavor: unknown;
    meta: Record<string, unknown>;
  },
): void {
  const start = date(a.createdAt);
  const existing = store.active(a.id);
  if (existing && existing.last_event > start) return; // a fresher row exists: silently ignored
  store.insert({
    entity_id: a.id,
    entity_type: "instance",
    project_id: a.project,
    name: a.name,
    start,
    end: null,
    last_event: start,
    flavor: a.flavor,
    image_meta: filterMeta(config, a.meta),
    metadata: {},
  });
}

export function deleteInstance(store: Store, id: string, when: unknown): void {
  if (!store.active(id)) throw new AlmanachApiError(404, `InstanceId: ${id} Not Found`);
  store.close(id, date(when));
}

export function resizeInstance(store: Store, id: string, flavor: unknown, when: unknown): void {
  const at = date(when);
  const row = activeOr404(store, id);
  if (row.flavor !== flavor) store.split(id, at, { flavor });
}

export function rebuildInstance(
  store: Store,
  config: ControllerConfig,
  id: string,
  when: unknown,
  meta: Record<string, unknown>,
): void {
  const at = date(when);
  const row = activeOr404(store, id);
  const filtered = filterMeta(config, meta);
  if (JSON.stringify(row.image_meta) !== JSON.stringify(filtered))
    store.split(id, at, { image_meta: filtered });
}

export function createVolume(
  store: Store,
  a: {
    id: string;
    project: string;
    start: unknown;
    type: unknown;
    size: unknown;
    name: unknown;
    attachedTo: unknown;
  },
): void {
  const start = date(a.start);
  let typeName: unknown = null;
  if (a.type !== null) {
    const type = store.volumeTypes.find((t) => t.volume_type_id === a.type);
    if (!type) throw volumeTypeNotFound(String(a.type));
    typeName = type.volume_type_name;
  }
  store.insert({
    entity_id: a.id,
    entity_type: "volume",
    project_id: a.project,
    name: a.name,
    start,
    end: null,
    last_event: start,
    size: a.size,
    volume_type: typeName,
    attached_to: a.attachedTo,
  });
}

export function deleteVolume(store: Store, config: ControllerConfig, id: string, when: unknown): void {
  const at = date(when);
  const row = activeOr404(store, id);
  // A volume deleted right after a change is forgotten instead of closed (volume_existence_threshold).
  if (store.byId(id).length > 1 && at - row.start < config.volumeExistenceThreshold * 1000) {
    store.rows.splice(store.rows.indexOf(row), 1);
    return;
  }
  store.close(id, at);
}

export function resizeVolume(store: Store, id: string, size: unknown, when: unknown): void {
  const at = date(when);
  activeOr404(store, id);
  store.split(id, at, { size });
}

export function changeAttachments(
  store: Store,
  config: ControllerConfig,
  action: "attach" | "detach",
  id: string,
  when: unknown,
  attachments: unknown,
): void {
  const at = date(when);
  const row = activeOr404(store, id);
  const before = row.attached_to;
  const keep = action === "attach" ? truthy(before) : truthy(attachments);
  if (keep || at - row.start < config.volumeExistenceThreshold * 1000) {
    row.last_event = at;
    row.attached_to = attachments;
    store.touch(row);
  } else {
    store.split(id, at, { attached_to: attachments });
  }
}

// Python truthiness of a JSON value.
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === "object") return Object.keys(value).length > 0;
  return Boolean(value);
}

export const volumeTypeNotFoundError = volumeTypeNotFound;
export const notFound = (message: string) => new AlmanachApiError(404, message);
