import { type CallOptions, lazySchema, type Paginated } from "@meterkit/core";
import { z } from "zod";
import type { CatalogContext } from "../client.js";
import { REGISTRIES, type Registry } from "../enums.js";
import { check } from "../input.js";
import { type TemplateCreate, TemplateCreateSchema } from "../schemas/catalog.js";
import { id, text } from "../schemas/fields.js";
import { TEMPLATE } from "../schemas/responses.js";
import type { SlaTemplate } from "../types.js";

// A template is named by its UUID within a registry; BSLAM is the tools' default registry.
const TemplateKey = lazySchema(() =>
  z.strictObject({
    templateId: text(),
    registry: z.enum(REGISTRIES).default("BSLAM"),
  }),
);
const TemplateListQuerySchema = lazySchema(() =>
  z.strictObject({
    productId: id().optional(),
    registry: z.enum(REGISTRIES).optional(),
    providerId: id().optional(),
  }),
);

/** Query of {@link listTemplates}: the templates of a product's offers, of a registry, of a provider. @public */
export type TemplateListQuery = z.input<typeof TemplateListQuerySchema>;

/** The key of one template: its id (the document's `<UUID>`) in a registry (default `BSLAM`). @public */
export interface TemplateKey {
  readonly templateId: string;
  readonly registry?: Registry | undefined;
}

/** Adds an SLA template (the AddTemplate tool); its id is the document's `<UUID>`. @public */
export async function createTemplate(
  ctx: CatalogContext,
  input: TemplateCreate,
  options?: CallOptions,
): Promise<SlaTemplate> {
  const body = check(TemplateCreateSchema, input);
  return (
    await ctx.http.request<SlaTemplate>({
      ...options,
      method: "POST",
      path: "/templates",
      body,
      schema: TEMPLATE.one,
    })
  ).data;
}

/** One template in its registry (the GetTemplate tool); `content` is the SLA@SOI XML as stored. @public */
export async function getTemplate(
  ctx: CatalogContext,
  input: TemplateKey,
  options?: CallOptions,
): Promise<SlaTemplate> {
  const key = check(TemplateKey, input);
  return (
    await ctx.http.request<SlaTemplate>({
      ...options,
      method: "GET",
      path: "/templates/{registry}/{id}",
      pathParams: { registry: key.registry, id: key.templateId },
      schema: TEMPLATE.one,
    })
  ).data;
}

/** The templates matching the query (every registry unless `registry` is given), page by page. @public */
export function listTemplates(
  ctx: CatalogContext,
  input: TemplateListQuery = {},
  options?: CallOptions,
): Paginated<SlaTemplate> {
  const query = check(TemplateListQuerySchema, input);
  return ctx.http.paginate<SlaTemplate>({
    ...options,
    path: "/templates",
    query: { ...query },
    schema: TEMPLATE.page,
  });
}

/** Deletes a template; refused (409 `in_use`) while an offer or guarantee references it. @public */
export async function deleteTemplate(
  ctx: CatalogContext,
  input: TemplateKey,
  options?: CallOptions,
): Promise<void> {
  const key = check(TemplateKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/templates/{registry}/{id}",
    pathParams: { registry: key.registry, id: key.templateId },
  });
}
