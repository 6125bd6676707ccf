import { lazySchema } from "@meterkit/core/lazy-schema";
import { z } from "zod";
import type { Route } from "../http/router.js";
import { isoDay, plusYears } from "../model/dates.js";
import { REGISTRIES } from "../model/enums.js";
import { day, id, parseBody, text } from "../model/fields.js";
import { getRow, insertRow, nextId, type TableSpec } from "../model/table.js";
import { assertFreeId, Checks, collectionRoutes, created } from "./collection.js";
import { letter } from "./products.js";

/** Product offers: a product sold under an SLA template by a party (AddProductOffer). */
export const OFFERS: TableSpec = {
  type: "product-offer",
  table: "product_offers",
  columns: [
    { field: "id", column: "id", type: "int" },
    { field: "productId", column: "product_id", type: "int" },
    { field: "partyId", column: "party_id", type: "int" },
    { field: "templateId", column: "template_id", type: "text" },
    { field: "templateRegistry", column: "template_registry", type: "text" },
    { field: "name", column: "name", type: "text" },
    { field: "description", column: "description", type: "text" },
    { field: "billingFrequencyId", column: "billing_frequency_id", type: "int" },
    { field: "revision", column: "revision", type: "text" },
    { field: "status", column: "status", type: "text" },
    { field: "insertedAt", column: "inserted_at", type: "date" },
    { field: "validFrom", column: "valid_from", type: "date" },
    { field: "validTo", column: "valid_to", type: "date" },
  ],
  referrers: [],
};

export const OfferCreate = lazySchema(() =>
  z.strictObject({
    id: id().optional(),
    productId: id(),
    partyId: id(),
    templateId: text(),
    templateRegistry: z.enum(REGISTRIES).optional(),
    name: text().optional(),
    description: text(2000).optional(),
    billingFrequencyId: id().optional(),
    revision: text(20).optional(),
    status: letter().optional(),
    insertedAt: day().optional(),
    validFrom: day().optional(),
    validTo: day().optional(),
  }),
);

export const offerRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/product-offers",
    handler: async (ctx) => {
      const input = parseBody(OfferCreate, await ctx.body());
      const today = isoDay(ctx.clock());
      const values = {
        ...input,
        templateRegistry: input.templateRegistry ?? "BSLAM",
        billingFrequencyId: input.billingFrequencyId ?? 1,
        revision: input.revision ?? "1.0",
        status: input.status ?? "A",
        insertedAt: input.insertedAt ?? today,
        validFrom: input.validFrom ?? today,
        validTo: input.validTo ?? plusYears(today, 2),
      };
      const offer = await ctx.write(async (tx) => {
        const checks = new Checks(tx);
        checks.order("validTo", values.validFrom, values.validTo, "validFrom");
        await checks.exists(
          "productId",
          `product ${input.productId} does not exist`,
          "select 1 from products where id = $1",
          [input.productId],
        );
        await checks.exists(
          "partyId",
          `party ${input.partyId} does not exist`,
          "select 1 from parties where id = $1",
          [input.partyId],
        );
        await checks.exists(
          "templateId",
          `template ${input.templateId} does not exist in ${values.templateRegistry}`,
          "select 1 from sla_templates where registry = $1 and id = $2",
          [values.templateRegistry, input.templateId],
        );
        checks.done();
        await assertFreeId(tx, "product_offers", "product offer", input.id);
        const newId = input.id ?? (await nextId(tx, "product_offers"));
        await insertRow(tx, OFFERS, { ...values, id: newId });
        return getRow(tx, OFFERS, [newId]);
      });
      return created(ctx, `product-offers/${offer.id}`, offer);
    },
  },
  ...collectionRoutes("product-offers", OFFERS, {
    filters: {
      productId: { sql: "product_id = ?", type: "int" },
      partyId: { sql: "party_id = ?", type: "int" },
    },
  }),
];
