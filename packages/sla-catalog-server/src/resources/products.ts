import { lazySchema } from "@meterkit/core/lazy-schema";
import { z } from "zod";
import type { Route } from "../http/router.js";
import { isoDay, plusYears } from "../model/dates.js";
import { day, decimal, id, parseBody, text } from "../model/fields.js";
import { getRow, insertRow, nextId, type TableSpec } from "../model/table.js";
import { assertFreeId, Checks, collectionRoutes, created } from "./collection.js";

/** Products (AddProduct, GetProductList, DeleteProduct). */
export const PRODUCTS: TableSpec = {
  type: "product",
  table: "products",
  columns: [
    { field: "id", column: "id", type: "int" },
    { field: "partyId", column: "party_id", type: "int" },
    { field: "name", column: "name", type: "text" },
    { field: "description", column: "description", type: "text" },
    { field: "brand", column: "brand", type: "text" },
    { field: "category", column: "category", type: "text" },
    { field: "insertedAt", column: "inserted_at", type: "date" },
    { field: "validFrom", column: "valid_from", type: "date" },
    { field: "validTo", column: "valid_to", type: "date" },
    { field: "maxPrice", column: "max_price", type: "decimal" },
    { field: "maxPenaltyTermination", column: "max_penalty_termination", type: "decimal" },
    { field: "maxPenaltyMpc", column: "max_penalty_mpc", type: "decimal" },
    { field: "maxPenaltyRemoval", column: "max_penalty_removal", type: "decimal" },
    { field: "negotiationType", column: "negotiation_type", type: "text" },
    { field: "release", column: "release", type: "text" },
    { field: "status", column: "status", type: "text" },
    { field: "unsuccessfulRounds", column: "unsuccessful_rounds", type: "int" },
  ],
  referrers: [
    { type: "product-offer", sql: "select id from product_offers where product_id = $1 order by id" },
  ],
};

/** A one-letter code, as the tools' `'A'` defaults. */
export const letter = () => z.string().regex(/^[A-Z]$/, "must be one capital letter such as A");

export const ProductCreate = lazySchema(() =>
  z.strictObject({
    id: id().optional(),
    partyId: id(),
    name: text(),
    description: text(2000).optional(),
    brand: text().optional(),
    category: text().optional(),
    insertedAt: day().optional(),
    validFrom: day().optional(),
    validTo: day().optional(),
    maxPrice: decimal(0).optional(),
    maxPenaltyTermination: decimal(0).optional(),
    maxPenaltyMpc: decimal(0).optional(),
    maxPenaltyRemoval: decimal(0).optional(),
    negotiationType: letter().optional(),
    release: text(20).optional(),
    status: letter().optional(),
    unsuccessfulRounds: z
      .number()
      .int("must be an integer")
      .min(0, "must be ≥ 0")
      .max(1000, "must be ≤ 1000")
      .optional(),
  }),
);

export const productRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/products",
    handler: async (ctx) => {
      const input = parseBody(ProductCreate, await ctx.body());
      const today = isoDay(ctx.clock());
      const validFrom = input.validFrom ?? today;
      const values = {
        ...input,
        insertedAt: input.insertedAt ?? today,
        validFrom,
        validTo: input.validTo ?? plusYears(today, 2),
        negotiationType: input.negotiationType ?? "A",
        release: input.release ?? "1.0",
        status: input.status ?? "A",
      };
      const product = await ctx.write(async (tx) => {
        const checks = new Checks(tx);
        checks.order("validTo", validFrom, values.validTo, "validFrom");
        await checks.exists(
          "partyId",
          `party ${input.partyId} does not exist`,
          "select 1 from parties where id = $1",
          [input.partyId],
        );
        checks.done();
        await assertFreeId(tx, "products", "product", input.id);
        const newId = input.id ?? (await nextId(tx, "products"));
        await insertRow(tx, PRODUCTS, { ...values, id: newId });
        return getRow(tx, PRODUCTS, [newId]);
      });
      return created(ctx, `products/${product.id}`, product);
    },
  },
  ...collectionRoutes("products", PRODUCTS, {
    filters: {
      status: { sql: "status = ?", type: "text" },
      partyId: { sql: "party_id = ?", type: "int" },
      category: { sql: "category = ?", type: "text" },
    },
  }),
];
