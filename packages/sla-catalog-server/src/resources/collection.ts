import type { SqlClient } from "../db/database.js";
import { type Filter, listReply } from "../http/list.js";
import { type FieldError, Problem, validationFailed } from "../http/problem.js";
import { type Context, intParam, type Reply, type Route } from "../http/router.js";
import { deleteRow, getRow, type TableSpec } from "../model/table.js";

/** GET list, GET one and DELETE for a collection keyed by an integer id. */
export function collectionRoutes(
  path: string,
  spec: TableSpec,
  options: {
    filters?: Readonly<Record<string, Filter>>;
    beforeDelete?: (tx: SqlClient, id: number) => Promise<void>;
  } = {},
): Route[] {
  return [
    {
      method: "GET",
      pattern: `/${path}`,
      filters: options.filters ?? {},
      handler: (ctx) => listReply(ctx, ctx.db, spec, options.filters),
    },
    {
      method: "GET",
      pattern: `/${path}/:id`,
      handler: async (ctx) => ({
        status: 200,
        body: await getRow(ctx.db, spec, [intParam(ctx, "id", spec.type)]),
      }),
    },
    {
      method: "DELETE",
      pattern: `/${path}/:id`,
      handler: async (ctx) => {
        const id = intParam(ctx, "id", spec.type);
        await ctx.write((tx) =>
          deleteRow(
            tx,
            spec,
            [id],
            options.beforeDelete && (() => options.beforeDelete?.(tx, id) ?? Promise.resolve()),
          ),
        );
        return { status: 204 };
      },
    },
  ];
}

/** 201 with `Location` and the created representation. */
export function created(ctx: Context, location: string, body: unknown): Reply {
  return { status: 201, body, headers: { location: `${ctx.base}/${location}` } };
}

/** Collects the referential checks of one request, so that all failures are reported together. */
export class Checks {
  readonly errors: FieldError[] = [];

  constructor(private readonly tx: SqlClient) {}

  /** Adds `not_found` on `field` unless `sql` (with `$1…`) returns a row. */
  async exists(field: string, message: string, sql: string, params: readonly unknown[]): Promise<void> {
    const rows = await this.tx.query(sql, params);
    if (rows.length === 0) this.errors.push({ field, code: "not_found", message });
  }

  /** Adds `invalid_order` on `field` when `from` is after `to`. */
  order(field: string, from: string, to: string, fromName: string): void {
    if (from > to)
      this.errors.push({ field, code: "invalid_order", message: `must not be before ${fromName} (${from})` });
  }

  /** Throws the 422 problem when anything failed. */
  done(): void {
    if (this.errors.length > 0) throw validationFailed(this.errors);
  }
}

/** 409 when a caller-chosen id is taken. */
export async function assertFreeId(
  tx: SqlClient,
  table: string,
  type: string,
  id: number | undefined,
): Promise<void> {
  if (id === undefined) return;
  const rows = await tx.query(`select 1 from ${table} where id = $1`, [id]);
  if (rows.length > 0) {
    throw new Problem(409, "already_exists", "Already exists", `${type} ${id} already exists`, {
      errors: [{ field: "id", code: "already_exists", message: `${type} ${id} already exists` }],
    });
  }
}
