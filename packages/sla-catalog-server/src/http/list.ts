import type { SqlClient } from "../db/database.js";
import { listRows, type TableSpec } from "../model/table.js";
import { Problem } from "./problem.js";
import type { Context, Reply } from "./router.js";

/** A query parameter that filters a collection: SQL with one `?` for the value. */
export interface Filter {
  readonly sql: string;
  readonly type: "int" | "text";
}

function intQuery(ctx: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = ctx.query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Problem(
      400,
      "bad_request",
      "Bad request",
      `query parameter ${name} must be an integer in [${min}, ${max}]`,
    );
  }
  return value;
}

/**
 * Lists a collection page by page: `?limit` (default 100, ≤ 1000) and `?offset`, the total in `X-Result-Count`
 * and the next page in `Link: <…>; rel="next"` (what `@meterkit/core`'s paginate follows).
 */
export async function listReply(
  ctx: Context,
  db: SqlClient,
  spec: TableSpec,
  filters: Readonly<Record<string, Filter>> = {},
): Promise<Reply> {
  const limit = intQuery(ctx, "limit", 100, 1, 1000);
  const offset = intQuery(ctx, "offset", 0, 0, 2_147_483_647);
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [name, filter] of Object.entries(filters)) {
    const raw = ctx.query.get(name);
    if (raw === null) continue;
    if (filter.type === "int" && !/^\d{1,10}$/.test(raw)) {
      throw new Problem(
        400,
        "bad_request",
        "Bad request",
        `query parameter ${name} must be a positive integer`,
      );
    }
    params.push(filter.type === "int" ? Number(raw) : raw);
    conditions.push(filter.sql.replaceAll("?", `$${params.length}`));
  }
  const { items, total } = await listRows(db, spec, { conditions, params, limit, offset });
  const headers: Record<string, string> = { "x-result-count": String(total) };
  if (offset + items.length < total) {
    const next = new URL(ctx.url);
    next.searchParams.set("offset", String(offset + items.length));
    next.searchParams.set("limit", String(limit));
    headers.link = `<${next.href}>; rel="next"`;
  }
  return { status: 200, body: items, headers };
}
