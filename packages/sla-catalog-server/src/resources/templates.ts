import { lazySchema } from "@meterkit/core/lazy-schema";
import { z } from "zod";
import { type Filter, listReply } from "../http/list.js";
import { Problem, validationFailed } from "../http/problem.js";
import type { Route } from "../http/router.js";
import { REGISTRIES } from "../model/enums.js";
import { id, parseBody, text } from "../model/fields.js";
import { deleteRow, getRow, insertRow, type TableSpec } from "../model/table.js";
import { readTemplate } from "../model/template-xml.js";
import { Checks, created } from "./collection.js";

/** SLA templates, keyed by registry and UUID (AddTemplate, GetTemplate, GetTemplateList). */
export const TEMPLATES: TableSpec = {
  type: "template",
  table: "sla_templates",
  key: ["registry", "id"],
  columns: [
    { field: "id", column: "id", type: "text" },
    { field: "registry", column: "registry", type: "text" },
    { field: "description", column: "description", type: "text" },
    { field: "providerId", column: "provider_id", type: "int" },
    { field: "registerName", column: "register_name", type: "text" },
    { field: "modelVersion", column: "model_version", type: "text" },
    { field: "content", column: "content", type: "text" },
    { field: "createdAt", column: "created_at", type: "timestamp" },
  ],
  referrers: [
    {
      type: "product-offer",
      sql: "select id from product_offers where template_registry = $1 and template_id = $2 order by id",
    },
    {
      type: "guarantee",
      sql: "select id from guarantees where sla_template_registry = $1 and sla_template_id = $2 order by id",
    },
  ],
};

export const TemplateCreate = lazySchema(() =>
  z.strictObject({
    registry: z.enum(REGISTRIES).optional(),
    content: z.string().min(1, "must not be empty").max(1_000_000, "must be at most 1 MB"),
    description: text(2000).optional(),
    providerId: id().optional(),
    registerName: text().optional(),
  }),
);

function registryParam(value: string | undefined, templateId: string): (typeof REGISTRIES)[number] {
  const registry = REGISTRIES.find((r) => r === value);
  if (!registry)
    throw new Problem(
      404,
      "not_found",
      "Not found",
      `template ${templateId} does not exist: no registry ${value}`,
    );
  return registry;
}

const TEMPLATE_FILTERS: Readonly<Record<string, Filter>> = {
  registry: { sql: "registry = ?", type: "text" },
  productId: {
    sql: "(registry, id) in (select template_registry, template_id from product_offers where product_id = ?)",
    type: "int",
  },
  providerId: { sql: "provider_id = ?", type: "int" },
};

export const templateRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/templates",
    handler: async (ctx) => {
      const input = parseBody(TemplateCreate, await ctx.body());
      const info = readTemplate(input.content);
      if (typeof info === "string")
        throw validationFailed([
          { field: "content", code: "invalid_template", message: `the template ${info}` },
        ]);
      const registry = input.registry ?? "BSLAM";
      const template = await ctx.write(async (tx) => {
        const checks = new Checks(tx);
        if (input.providerId !== undefined) {
          await checks.exists(
            "providerId",
            `party ${input.providerId} does not exist`,
            "select 1 from parties where id = $1",
            [input.providerId],
          );
        }
        checks.done();
        if (
          (
            await tx.query("select 1 from sla_templates where registry = $1 and id = $2", [
              registry,
              info.uuid,
            ])
          ).length > 0
        ) {
          const message = `template ${info.uuid} already exists in ${registry}`;
          throw new Problem(409, "already_exists", "Already exists", message, {
            errors: [{ field: "content", code: "already_exists", message }],
          });
        }
        await insertRow(tx, TEMPLATES, {
          ...input,
          registry,
          id: info.uuid,
          modelVersion: info.modelVersion ?? undefined,
        });
        return getRow(tx, TEMPLATES, [registry, info.uuid]);
      });
      return created(ctx, `templates/${registry}/${encodeURIComponent(info.uuid)}`, template);
    },
  },
  {
    method: "GET",
    pattern: "/templates",
    filters: TEMPLATE_FILTERS,
    handler: (ctx) => listReply(ctx, ctx.db, TEMPLATES, TEMPLATE_FILTERS),
  },
  {
    method: "GET",
    pattern: "/templates/:registry/:id",
    handler: async (ctx) => {
      const templateId = ctx.params.id ?? "";
      return {
        status: 200,
        body: await getRow(ctx.db, TEMPLATES, [registryParam(ctx.params.registry, templateId), templateId]),
      };
    },
  },
  {
    method: "DELETE",
    pattern: "/templates/:registry/:id",
    handler: async (ctx) => {
      const templateId = ctx.params.id ?? "";
      const registry = registryParam(ctx.params.registry, templateId);
      await ctx.write((tx) => deleteRow(tx, TEMPLATES, [registry, templateId]));
      return { status: 204 };
    },
  },
];
