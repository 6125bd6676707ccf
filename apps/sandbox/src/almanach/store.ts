/**
 * In-memory storage with the semantics of Almanach's MongoDB driver: rows in insertion order, one active
 * row (`end: null`) per entity, closing a row sets `end` and `last_event`.
 */

export interface Row {
  entity_id: string;
  entity_type: "instance" | "volume";
  project_id: string;
  name: unknown;
  start: number;
  end: number | null;
  last_event: number;
  processed: number;
  // instance
  flavor?: unknown;
  image_meta?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  // volume
  size?: unknown;
  volume_type?: unknown;
  attached_to?: unknown;
}

export interface VolumeTypeRow {
  volume_type_id: unknown;
  volume_type_name: unknown;
}

export class Store {
  rows: Row[] = [];
  volumeTypes: VolumeTypeRow[] = [];
  constructor(private readonly now: () => number) {}

  active(id: string): Row | undefined {
    return this.rows.find((r) => r.entity_id === id && r.end === null);
  }

  insert(row: Omit<Row, "processed">): void {
    this.rows.push({ ...row, processed: this.now() });
  }

  /** Write changes to the active row (MongoDB `$set` on `{entity_id, end: None}`). */
  touch(row: Row): void {
    row.processed = this.now();
  }

  close(id: string, date: number): void {
    const row = this.active(id);
    if (!row) return;
    row.end = date;
    row.last_event = date;
    row.processed = this.now();
  }

  /** Close the active row and insert a copy starting at `date` with `changes` applied. */
  split(id: string, date: number, changes: Partial<Row>): void {
    const row = this.active(id);
    if (!row) return;
    const next = { ...structuredClone(row), ...changes, start: date, end: null, last_event: date };
    this.close(id, date);
    this.insert(next);
  }

  /** Rows of a project alive in [start, end] (`start <= end` and (`end` is null or `end >= start`)). */
  byProject(project: string, start: number, end: number, type?: Row["entity_type"]): Row[] {
    return this.rows.filter(
      (r) =>
        r.project_id === project &&
        r.start <= end &&
        (r.end === null || r.end >= start) &&
        (type === undefined || r.entity_type === type),
    );
  }

  byId(id: string): Row[] {
    return this.rows.filter((r) => r.entity_id === id);
  }
}
