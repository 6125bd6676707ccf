import { lazySchema } from "@meterkit/core/lazy-schema";
import { z } from "zod";
import { Problem } from "../http/problem.js";
import { intParam, type Route } from "../http/router.js";
import { decimal, id, parseBody, text } from "../model/fields.js";
import { getRow, insertRow, nextId, type TableSpec } from "../model/table.js";
import { assertFreeId, collectionRoutes, created } from "./collection.js";

/** Parties (customers and providers): created PENDING, approved with a balance and a credit limit. */
export const PARTIES: TableSpec = {
  type: "party",
  table: "parties",
  columns: [
    { field: "id", column: "id", type: "int" },
    { field: "name", column: "name", type: "text" },
    { field: "status", column: "status", type: "text" },
    { field: "balance", column: "balance", type: "decimal" },
    { field: "creditLimit", column: "credit_limit", type: "decimal" },
    { field: "createdAt", column: "created_at", type: "timestamp" },
    { field: "approvedAt", column: "approved_at", type: "timestamp" },
  ],
  referrers: [
    { type: "product", sql: "select id from products where party_id = $1 order by id" },
    {
      type: "template",
      sql: "select registry || '/' || id as id from sla_templates where provider_id = $1 order by 1",
    },
    { type: "product-offer", sql: "select id from product_offers where party_id = $1 order by id" },
  ],
};

export const PartyCreate = lazySchema(() => z.strictObject({ id: id().optional(), name: text().optional() }));
export const Approval = lazySchema(() => z.strictObject({ balance: decimal(), creditLimit: decimal(0) }));

/** Registration happens outside the provider tools; `POST /parties` stands in for it. */
export const partyRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/parties",
    handler: async (ctx) => {
      const input = parseBody(PartyCreate, await ctx.body());
      const party = await ctx.write(async (tx) => {
        await assertFreeId(tx, "parties", "party", input.id);
        const newId = input.id ?? (await nextId(tx, "parties"));
        await insertRow(tx, PARTIES, { id: newId, name: input.name, status: "PENDING" });
        return getRow(tx, PARTIES, [newId]);
      });
      return created(ctx, `parties/${party.id}`, party);
    },
  },
  {
    method: "POST",
    pattern: "/parties/:id/approval",
    handler: async (ctx) => {
      const partyId = intParam(ctx, "id", "party");
      const input = parseBody(Approval, await ctx.body());
      const party = await ctx.write(async (tx) => {
        const current = await getRow(tx, PARTIES, [partyId]);
        if (current.status !== "PENDING") {
          throw new Problem(
            409,
            "invalid_state",
            "Invalid state",
            `party ${partyId} is ${String(current.status)}, only a PENDING party can be approved`,
          );
        }
        // Status, balance and credit limit change together or not at all.
        await tx.query(
          "update parties set status = 'APPROVED', balance = $2, credit_limit = $3, approved_at = now() where id = $1",
          [partyId, input.balance, input.creditLimit],
        );
        return getRow(tx, PARTIES, [partyId]);
      });
      return { status: 200, body: party };
    },
  },
  ...collectionRoutes("parties", PARTIES, { filters: { status: { sql: "status = ?", type: "text" } } }),
];
