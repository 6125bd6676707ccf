/** `PUT /v1/entity/instance/{id}`: voluptuous validation, then the active row (or a closed one by period). */
import { isUpdateDate, parseBodyDate } from "./dates.js";
import { AlmanachApiError, entityNotFound } from "./errors.js";
import type { Row, Store } from "./store.js";

const DATE_MESSAGE = "value does not match expected format %Y-%m-%dT%H:%M:%S.%fZ";

/** The InstanceValidator schema: `{field: message}` for every problem (InvalidAttributeException). */
export function validateUpdate(body: Record<string, unknown>): void {
  const errors: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "name" || key === "flavor") {
      if (typeof value !== "string") errors[key] = "expected str";
    } else if (key === "os") {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        errors[key] = "expected a dictionary";
      else {
        const os = value as Record<string, unknown>;
        for (const k of ["distro", "version", "os_type"]) {
          if (!(k in os)) errors[key] = "required key not provided";
          else if (typeof os[k] !== "string") errors[key] = "expected str";
        }
        for (const k of Object.keys(os))
          if (!["distro", "version", "os_type"].includes(k)) errors[key] = "extra keys not allowed";
      }
    } else if (key === "metadata") {
      if (value === null || typeof value !== "object" || Array.isArray(value))
        errors[key] = "expected a dictionary";
    } else if (key === "start_date" || key === "end_date") {
      if (!isUpdateDate(value)) errors[key] = DATE_MESSAGE;
    } else errors[key] = "extra keys not allowed";
  }
  if (Object.keys(errors).length) throw new AlmanachApiError(400, errors);
}

function apply(row: Row, body: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(body)) {
    if (key === "start_date") row.start = parseBodyDate(value) as number;
    else if (key === "end_date") row.end = parseBodyDate(value) as number;
    else if (key === "os") row.image_meta = value as Record<string, unknown>;
    else if (key === "metadata") row.metadata = value as Record<string, unknown>;
    else (row as unknown as Record<string, unknown>)[key] = value;
  }
}

export function updateActive(store: Store, id: string, body: Record<string, unknown>): Row {
  validateUpdate(body);
  const row = store.active(id);
  if (!row) throw entityNotFound(id);
  apply(row, body);
  store.touch(row);
  return row;
}

export function updateClosed(
  store: Store,
  id: string,
  start: number,
  end: number,
  body: Record<string, unknown>,
): Row {
  const rows = store.rows.filter(
    (r) => r.entity_id === id && r.start >= start && r.end !== null && r.end <= end,
  );
  if (rows.length > 1)
    throw new AlmanachApiError(400, "Multiple entities found while updating a closed entity");
  const row = rows[0];
  if (!row) throw entityNotFound(id);
  validateUpdate(body);
  const copy = structuredClone(row);
  apply(copy, body);
  // The driver updates `{entity_id, start: <query start>, end: <query end>}`: only an exact period is written.
  if (row.start === start && row.end === end) Object.assign(row, copy);
  store.touch(copy);
  return copy;
}
