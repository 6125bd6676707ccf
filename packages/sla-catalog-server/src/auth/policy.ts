/**
 * Who may write what. `admin` may do everything; `reader` only reads; a `provider` token is bound to one
 * party and writes only what that party owns: its products, templates and offers (by their party columns),
 * and the unit resources, prices and guarantees it created (recorded in `resource_owners`). Every write route
 * is listed here; one that is not is admin-only, so a new route is closed until someone decides otherwise.
 */
import type { SqlClient } from "../db/database.js";
import { Problem } from "../http/problem.js";
import type { Principal } from "./tokens.js";

/** Something a provider can own without a party column. */
export type OwnedKind = "unit-resource" | "price" | "guarantee";

interface Request {
  readonly params: Readonly<Record<string, string>>;
  body(): Promise<unknown>;
  readonly db: SqlClient;
}

/** What a write touches: the owning party of each thing (null: nobody's, i.e. the admin's). */
interface Touches {
  readonly owners: readonly (number | null | undefined)[];
  /** A create whose new row the caller will own. */
  readonly creates?: OwnedKind;
  /** A delete whose ownership record goes with it. */
  readonly deletes?: { readonly kind: OwnedKind; readonly id: number };
}

type Rule = "admin" | ((req: Request) => Promise<Touches>);

const num = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isInteger(v) ? v : undefined;
const field = async (req: Request, name: string) =>
  num(((await req.body()) as Record<string, unknown>)?.[name]);
const param = (req: Request, name: string) =>
  /^\d+$/.test(req.params[name] ?? "") ? Number(req.params[name]) : undefined;

async function column(req: Request, sql: string, id: unknown): Promise<number | null | undefined> {
  if (id === undefined) return undefined;
  const rows = await req.db.query<{ owner: number | null }>(sql, [id]);
  // No row: the handler answers 404 or 422; nothing to own.
  return rows.length === 0 ? undefined : (rows[0]?.owner ?? null);
}

const TABLES: Readonly<Record<OwnedKind, string>> = {
  "unit-resource": "unit_resources",
  price: "prices",
  guarantee: "guarantees",
};

function owned(kind: OwnedKind, req: Request, id: number | undefined): Promise<number | null | undefined> {
  return column(
    req,
    `select (select party_id from resource_owners where kind = '${kind}' and id = $1) as owner
       from ${TABLES[kind]} where id = $1`,
    id,
  );
}

const creates =
  (kind: OwnedKind, members?: (req: Request) => Promise<(number | null | undefined)[]>): Rule =>
  async (req) => ({ owners: members ? await members(req) : [], creates: kind });

const deletes =
  (kind: OwnedKind): Rule =>
  async (req) => {
    const id = param(req, "id");
    return { owners: [await owned(kind, req, id)], ...(id === undefined ? {} : { deletes: { kind, id } }) };
  };

const RULES: Readonly<Record<string, Rule>> = {
  "POST /parties": "admin",
  "POST /parties/:id/approval": "admin",
  "DELETE /parties/:id": "admin",
  "POST /products": async (req) => ({ owners: [(await field(req, "partyId")) ?? null] }),
  "DELETE /products/:id": async (req) => ({
    owners: [await column(req, "select party_id as owner from products where id = $1", param(req, "id"))],
  }),
  "POST /templates": async (req) => ({ owners: [(await field(req, "providerId")) ?? null] }),
  "DELETE /templates/:registry/:id": async (req) => {
    const rows = await req.db.query<{ owner: number | null }>(
      "select provider_id as owner from sla_templates where registry = $1 and id = $2",
      [req.params.registry, req.params.id],
    );
    return { owners: [rows.length === 0 ? undefined : (rows[0]?.owner ?? null)] };
  },
  "POST /product-offers": async (req) => ({
    owners: [
      (await field(req, "partyId")) ?? null,
      await column(
        req,
        "select party_id as owner from products where id = $1",
        await field(req, "productId"),
      ),
    ],
  }),
  "DELETE /product-offers/:id": async (req) => ({
    owners: [
      await column(req, "select party_id as owner from product_offers where id = $1", param(req, "id")),
    ],
  }),
  "POST /unit-resources": creates("unit-resource"),
  "POST /fixed-fees": creates("price"),
  "POST /variable-fees": creates("price"),
  "POST /compound-fees": creates("price", async (req) => {
    const body = (await req.body()) as Record<string, unknown>;
    const ids = [body?.fixedFeeIds, body?.variableFeeIds].flatMap((v) => (Array.isArray(v) ? v : []));
    return Promise.all(ids.map((id) => owned("price", req, num(id))));
  }),
  "POST /guarantees": creates("guarantee"),
  "DELETE /unit-resources/:id": deletes("unit-resource"),
  "DELETE /fixed-fees/:id": deletes("price"),
  "DELETE /variable-fees/:id": deletes("price"),
  "DELETE /compound-fees/:id": deletes("price"),
  "DELETE /prices/:id": deletes("price"),
  "DELETE /guarantees/:id": deletes("guarantee"),
  "PUT /priced-items/:id/price": async (req) => ({
    owners: [
      await owned("unit-resource", req, param(req, "id")),
      await owned("price", req, await field(req, "priceId")),
    ],
  }),
  "DELETE /priced-items/:id/price": async (req) => ({
    owners: [await owned("unit-resource", req, param(req, "id"))],
  }),
  "PUT /priced-items/:id/guarantees/:guaranteeId": async (req) => ({
    owners: [
      await owned("unit-resource", req, param(req, "id")),
      await owned("guarantee", req, param(req, "guaranteeId")),
    ],
  }),
  "DELETE /priced-items/:id/guarantees/:guaranteeId": async (req) => ({
    owners: [
      await owned("unit-resource", req, param(req, "id")),
      await owned("guarantee", req, param(req, "guaranteeId")),
    ],
  }),
};

/** The write routes the policy knows (a test checks every route the server answers is decided here). */
export const POLICY_ROUTES: readonly string[] = Object.keys(RULES);

/** What the server must do around an allowed write by a provider. */
export interface Grant {
  readonly creates?: { readonly kind: OwnedKind; readonly partyId: number };
  readonly deletes?: { readonly kind: OwnedKind; readonly id: number };
}

/** Decides one request: throws the 401/403 problem, or returns what to record with the write. */
export async function authorize(
  principal: Principal,
  route: { readonly method: string; readonly pattern: string },
  req: Request,
  options: { readonly anonymousRead: boolean },
): Promise<Grant> {
  const read = route.method === "GET" || route.method === "HEAD";
  if (principal.kind === "anonymous") {
    if (read && options.anonymousRead) return {};
    throw unauthorized(read ? "reading needs a token" : "writing needs a token");
  }
  if (read) return {};
  const rule = RULES[`${route.method} ${route.pattern}`] ?? "admin";
  if (principal.role === "reader") throw forbidden("a reader token may only read");
  if (principal.role === "admin") {
    if (rule === "admin") return {};
    const touches = await rule(req);
    return touches.deletes ? { deletes: touches.deletes } : {};
  }
  const partyId = principal.partyId as number;
  if (rule === "admin")
    throw forbidden(`a provider token may not ${describe(route)}: that needs an admin token`);
  const touches = await rule(req);
  const foreign = touches.owners.filter((o) => o !== undefined && o !== partyId);
  if (foreign.length > 0) {
    const whose = foreign.map((o) => (o === null ? "the catalog's (admin)" : `party ${o}'s`)).join(", ");
    throw forbidden(`the provider token of party ${partyId} may not change ${whose} resources`);
  }
  return {
    ...(touches.creates ? { creates: { kind: touches.creates, partyId } } : {}),
    ...(touches.deletes ? { deletes: touches.deletes } : {}),
  };
}

function describe(route: { method: string; pattern: string }): string {
  return `${route.method} ${route.pattern}`;
}

function unauthorized(detail: string): Problem {
  return new Problem(401, "unauthorized", "Unauthorized", `${detail}: send Authorization: Bearer <token>`);
}

function forbidden(detail: string): Problem {
  return new Problem(403, "forbidden", "Forbidden", detail);
}

/** A refused token, as the problem the client sees. */
export function tokenRefused(detail: string): Problem {
  return new Problem(401, "unauthorized", "Unauthorized", detail);
}
