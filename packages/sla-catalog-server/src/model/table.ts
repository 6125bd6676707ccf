import type { SqlClient } from "../db/database.js";
import { inUse, notFound, type Referrer } from "../http/problem.js";

/** How a column is read back as JSON. */
export type ColumnType = "text" | "int" | "decimal" | "date" | "bool" | "timestamp";

/** One JSON field ↔ one SQL column. */
export interface Column {
  readonly field: string;
  readonly column: string;
  readonly type: ColumnType;
}

/** A query that finds what still references a row (`$1`, `$2` are the row's key parts). */
export interface ReferrerQuery {
  readonly type: string;
  /** Selects one column `id` of the referrers. */
  readonly sql: string;
}

/** A catalog table served as a REST collection. */
export interface TableSpec {
  /** Resource type in messages, e.g. `product`. */
  readonly type: string;
  readonly table: string;
  readonly columns: readonly Column[];
  /** SQL condition every row of this collection satisfies (fees share one table). */
  readonly scope?: string;
  /** Key columns, `id` unless told. */
  readonly key?: readonly string[];
  readonly referrers: readonly ReferrerQuery[];
  /** Adds fields read from other tables (compound members, guarantee links). */
  readonly enrich?: (db: SqlClient, rows: Record<string, unknown>[]) => Promise<void>;
}

const ISO_TS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** Dates and decimals are formatted in SQL so that both drivers return the same strings. */
function expr(c: Column): string {
  switch (c.type) {
    case "date":
      return `to_char(${c.column}, 'YYYY-MM-DD')`;
    case "timestamp":
      return `to_char(${c.column} at time zone 'UTC', ${ISO_TS})`;
    case "decimal":
      return `${c.column}::text`;
    default:
      return c.column;
  }
}

/** `select` list with camelCase aliases. */
export function selectList(spec: TableSpec): string {
  return spec.columns.map((c) => `${expr(c)} as "${c.field}"`).join(", ");
}

function keyWhere(spec: TableSpec, offset = 0): string {
  return (spec.key ?? ["id"]).map((k, i) => `${k} = $${i + 1 + offset}`).join(" and ");
}

/** Reads one row by key, or `undefined`. */
export async function findRow(
  db: SqlClient,
  spec: TableSpec,
  key: readonly unknown[],
): Promise<Record<string, unknown> | undefined> {
  const scope = spec.scope ? ` and ${spec.scope}` : "";
  const rows = await db.query<Record<string, unknown>>(
    `select ${selectList(spec)} from ${spec.table} where ${keyWhere(spec)}${scope}`,
    key,
  );
  if (rows.length > 0) await spec.enrich?.(db, rows);
  return rows[0];
}

/** Reads one row by key, or throws a 404 problem. */
export async function getRow(
  db: SqlClient,
  spec: TableSpec,
  key: readonly unknown[],
): Promise<Record<string, unknown>> {
  const row = await findRow(db, spec, key);
  if (!row) throw notFound(spec.type, key.join("/"));
  return row;
}

/** One page of rows matching `conditions` (SQL with `$n` placeholders numbered from 1), and the total. */
export async function listRows(
  db: SqlClient,
  spec: TableSpec,
  filter: { conditions: string[]; params: unknown[]; limit: number; offset: number },
): Promise<{ items: Record<string, unknown>[]; total: number }> {
  const conditions = [...(spec.scope ? [spec.scope] : []), ...filter.conditions];
  const where = conditions.length > 0 ? ` where ${conditions.join(" and ")}` : "";
  const order = (spec.key ?? ["id"]).join(", ");
  const n = filter.params.length;
  const items = await db.query<Record<string, unknown>>(
    `select ${selectList(spec)} from ${spec.table}${where} order by ${order} limit $${n + 1} offset $${n + 2}`,
    [...filter.params, filter.limit, filter.offset],
  );
  const [count] = await db.query<{ total: number }>(
    `select count(*)::integer as total from ${spec.table}${where}`,
    filter.params,
  );
  if (items.length > 0) await spec.enrich?.(db, items);
  return { items, total: count?.total ?? 0 };
}

/**
 * The next id: above both the highest id ever handed out and the highest present (ids may also be chosen by
 * the caller, so a plain sequence would collide). The high-water mark means a deleted id is never handed
 * out again, so a writer still holding it gets a 404/422, not somebody else's new row. Callers hold the
 * write lock, so the read-modify-write cannot interleave.
 */
export async function nextId(db: SqlClient, table: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into id_high_water (table_name, high) values ($1, (select coalesce(max(id), 0) + 1 from ${table}))
     on conflict (table_name) do update
       set high = greatest(id_high_water.high, (select coalesce(max(id), 0) from ${table})) + 1
     returning high as id`,
    [table],
  );
  return row?.id ?? 1;
}

/** Inserts `values` (JSON field → value) into the spec's table. */
export async function insertRow(
  db: SqlClient,
  spec: TableSpec,
  values: Readonly<Record<string, unknown>>,
): Promise<void> {
  const cols = spec.columns.filter((c) => values[c.field] !== undefined);
  const placeholders = cols.map((_, i) => `$${i + 1}`).join(", ");
  await db.query(
    `insert into ${spec.table} (${cols.map((c) => c.column).join(", ")}) values (${placeholders})`,
    cols.map((c) => values[c.field]),
  );
}

/** Deletes a row unless something still references it (409 listing the referrers). */
export async function deleteRow(
  db: SqlClient,
  spec: TableSpec,
  key: readonly unknown[],
  before?: () => Promise<void>,
): Promise<void> {
  await getRow(db, spec, key);
  const referencedBy: Referrer[] = [];
  for (const ref of spec.referrers) {
    for (const row of await db.query<{ id: string | number }>(ref.sql, key))
      referencedBy.push({ type: ref.type, id: row.id });
  }
  if (referencedBy.length > 0) throw inUse(spec.type, key.join("/"), referencedBy);
  await before?.();
  await db.query(`delete from ${spec.table} where ${keyWhere(spec)}`, key);
}
