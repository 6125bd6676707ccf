import { lazySchema } from "@meterkit/core/lazy-schema";
import { z } from "zod";
import type { SqlClient } from "../db/database.js";
import { notFound } from "../http/problem.js";
import { intParam, type Route } from "../http/router.js";
import { id, parseBody, text } from "../model/fields.js";
import { getRow, insertRow, nextId, type TableSpec } from "../model/table.js";
import { assertFreeId, Checks, collectionRoutes, created } from "./collection.js";

async function addGuaranteeIds(db: SqlClient, rows: Record<string, unknown>[]): Promise<void> {
  const links = await db.query<{ item: number; guarantee: number }>(
    "select priced_item_id as item, guarantee_id as guarantee from priced_item_guarantees where priced_item_id = any($1::integer[]) order by guarantee_id",
    [rows.map((r) => r.id)],
  );
  for (const row of rows) row.guaranteeIds = links.filter((l) => l.item === row.id).map((l) => l.guarantee);
}

/**
 * Unit resources, which are the priced items of AssociatePrice and AssociateGuarantee (the seed: "a priced
 * item (e.g. Unit Resource)"): each has at most one price and any number of guarantees.
 */
export const UNIT_RESOURCES: TableSpec = {
  type: "unit-resource",
  table: "unit_resources",
  columns: [
    { field: "id", column: "id", type: "int" },
    { field: "name", column: "name", type: "text" },
    { field: "description", column: "description", type: "text" },
    { field: "instanceId", column: "instance_id", type: "text" },
    { field: "ovfReservation", column: "ovf_reservation", type: "bool" },
    { field: "type", column: "type", type: "text" },
    { field: "unit", column: "unit", type: "text" },
    { field: "priceId", column: "price_id", type: "int" },
  ],
  referrers: [],
  enrich: addGuaranteeIds,
};

/** The same rows seen as priced items (404s say "priced-item"). */
const PRICED_ITEMS: TableSpec = { ...UNIT_RESOURCES, type: "priced-item" };

export const UnitResourceCreate = lazySchema(() =>
  z.strictObject({
    id: id().optional(),
    name: text(),
    type: z.string().regex(/^[A-Za-z][\w.-]{0,63}$/, "must be an identifier such as cpu_speed"),
    description: text(2000).optional(),
    instanceId: text().optional(),
    ovfReservation: z.boolean().optional(),
    unit: text(32).optional(),
  }),
);
export const PriceLink = lazySchema(() => z.strictObject({ priceId: id() }));

export const unitResourceRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/unit-resources",
    handler: async (ctx) => {
      const input = parseBody(UnitResourceCreate, await ctx.body());
      const row = await ctx.write(async (tx) => {
        await assertFreeId(tx, "unit_resources", "unit resource", input.id);
        const newId = input.id ?? (await nextId(tx, "unit_resources"));
        await insertRow(tx, UNIT_RESOURCES, {
          ...input,
          id: newId,
          ovfReservation: input.ovfReservation ?? false,
        });
        return getRow(tx, UNIT_RESOURCES, [newId]);
      });
      return created(ctx, `unit-resources/${row.id}`, row);
    },
  },
  // A unit resource owns its price and guarantee links, so deleting it removes them; the price and the
  // guarantees themselves stay.
  ...collectionRoutes("unit-resources", UNIT_RESOURCES, {
    beforeDelete: async (tx, itemId) => {
      await tx.query("delete from priced_item_guarantees where priced_item_id = $1", [itemId]);
    },
  }),
  {
    method: "GET",
    pattern: "/priced-items/:id",
    handler: async (ctx) => ({
      status: 200,
      body: await getRow(ctx.db, PRICED_ITEMS, [intParam(ctx, "id", "priced-item")]),
    }),
  },
  {
    method: "PUT",
    pattern: "/priced-items/:id/price",
    handler: async (ctx) => {
      const itemId = intParam(ctx, "id", "priced-item");
      const input = parseBody(PriceLink, await ctx.body());
      const row = await ctx.write(async (tx) => {
        await getRow(tx, PRICED_ITEMS, [itemId]);
        const checks = new Checks(tx);
        await checks.exists(
          "priceId",
          `price ${input.priceId} does not exist`,
          "select 1 from prices where id = $1",
          [input.priceId],
        );
        checks.done();
        await tx.query("update unit_resources set price_id = $2 where id = $1", [itemId, input.priceId]);
        return getRow(tx, PRICED_ITEMS, [itemId]);
      });
      return { status: 200, body: row };
    },
  },
  {
    method: "DELETE",
    pattern: "/priced-items/:id/price",
    handler: async (ctx) => {
      const itemId = intParam(ctx, "id", "priced-item");
      await ctx.write(async (tx) => {
        await getRow(tx, PRICED_ITEMS, [itemId]);
        await tx.query("update unit_resources set price_id = null where id = $1", [itemId]);
      });
      return { status: 204 };
    },
  },
  {
    method: "PUT",
    pattern: "/priced-items/:id/guarantees/:guaranteeId",
    handler: async (ctx) => {
      const itemId = intParam(ctx, "id", "priced-item");
      const guaranteeId = intParam(ctx, "guaranteeId", "guarantee");
      const row = await ctx.write(async (tx) => {
        await getRow(tx, PRICED_ITEMS, [itemId]);
        if ((await tx.query("select 1 from guarantees where id = $1", [guaranteeId])).length === 0)
          throw notFound("guarantee", guaranteeId);
        await tx.query(
          "insert into priced_item_guarantees (priced_item_id, guarantee_id) values ($1, $2) on conflict do nothing",
          [itemId, guaranteeId],
        );
        return getRow(tx, PRICED_ITEMS, [itemId]);
      });
      return { status: 200, body: row };
    },
  },
  {
    method: "DELETE",
    pattern: "/priced-items/:id/guarantees/:guaranteeId",
    handler: async (ctx) => {
      const itemId = intParam(ctx, "id", "priced-item");
      const guaranteeId = intParam(ctx, "guaranteeId", "guarantee");
      await ctx.write(async (tx) => {
        const gone = await tx.query(
          "delete from priced_item_guarantees where priced_item_id = $1 and guarantee_id = $2 returning 1",
          [itemId, guaranteeId],
        );
        if (gone.length === 0) throw notFound("guarantee link", `${itemId}/${guaranteeId}`);
      });
      return { status: 204 };
    },
  },
];
