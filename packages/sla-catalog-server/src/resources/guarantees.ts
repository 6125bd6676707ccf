import { lazySchema } from "@meterkit/core/lazy-schema";
import { z } from "zod";
import type { Route } from "../http/router.js";
import { COMPARATORS, REGISTRIES } from "../model/enums.js";
import { decimal, id, parseBody, text } from "../model/fields.js";
import { getRow, insertRow, nextId, type TableSpec } from "../model/table.js";
import { assertFreeId, Checks, collectionRoutes, created } from "./collection.js";

/** Guarantees: QoS/QoP terms with the share of the price that varies when they are broken (AddGuarantee). */
export const GUARANTEES: TableSpec = {
  type: "guarantee",
  table: "guarantees",
  columns: [
    { field: "id", column: "id", type: "int" },
    { field: "name", column: "name", type: "text" },
    { field: "description", column: "description", type: "text" },
    { field: "type", column: "type", type: "text" },
    { field: "percentage", column: "percentage", type: "decimal" },
    { field: "agreementTerm", column: "agreement_term", type: "text" },
    { field: "operator", column: "operator", type: "text" },
    { field: "slaTemplateId", column: "sla_template_id", type: "text" },
    { field: "slaTemplateRegistry", column: "sla_template_registry", type: "text" },
    { field: "value", column: "value", type: "text" },
    { field: "valueType", column: "value_type", type: "text" },
  ],
  referrers: [
    {
      type: "priced-item",
      sql: "select priced_item_id as id from priced_item_guarantees where guarantee_id = $1 order by 1",
    },
  ],
};

export const GuaranteeCreate = lazySchema(() =>
  z.strictObject({
    id: id().optional(),
    name: text(),
    description: text(2000),
    type: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,63}$/,
        "must be a lower-case term such as location, reserve or co_location_rack",
      ),
    percentage: decimal().refine((v) => Number(v) > 0 && Number(v) <= 1, {
      message: "must satisfy 0 < percentage <= 1",
      params: { code: "out_of_range" },
    }),
    agreementTerm: text().optional(),
    operator: z.enum(COMPARATORS).optional(),
    slaTemplateId: text().optional(),
    slaTemplateRegistry: z.enum(REGISTRIES).optional(),
    value: text().optional(),
    valueType: text().optional(),
  }),
);

export const guaranteeRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/guarantees",
    handler: async (ctx) => {
      const input = parseBody(GuaranteeCreate, await ctx.body());
      const row = await ctx.write(async (tx) => {
        const checks = new Checks(tx);
        let registry = input.slaTemplateRegistry;
        if (input.slaTemplateId !== undefined) {
          // Without a registry, the template is looked up in BSLAM, then SSLAM, then ISLAM.
          const found = await tx.query<{ registry: string }>(
            "select registry from sla_templates where id = $1 and ($2::text is null or registry = $2) order by position(registry in 'BSLAM SSLAM ISLAM') limit 1",
            [input.slaTemplateId, registry ?? null],
          );
          if (found[0]) registry = found[0].registry as typeof registry;
          else
            checks.errors.push({
              field: "slaTemplateId",
              code: "not_found",
              message: `template ${input.slaTemplateId} does not exist`,
            });
        }
        checks.done();
        await assertFreeId(tx, "guarantees", "guarantee", input.id);
        const newId = input.id ?? (await nextId(tx, "guarantees"));
        await insertRow(tx, GUARANTEES, {
          ...input,
          slaTemplateRegistry: input.slaTemplateId === undefined ? undefined : registry,
          id: newId,
        });
        return getRow(tx, GUARANTEES, [newId]);
      });
      return created(ctx, `guarantees/${row.id}`, row);
    },
  },
  ...collectionRoutes("guarantees", GUARANTEES, { filters: { type: { sql: "type = ?", type: "text" } } }),
];
