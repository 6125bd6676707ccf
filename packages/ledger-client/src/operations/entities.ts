import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { type AlmanachContext, EXPECT } from "../context.js";
import { type DateInput, formatBodyDate, formatQueryDate } from "../dates.js";
import { check, DateField, EntityRef, Id } from "../input.js";
import { type Entity, EntityListSchema, type InstanceEntity, InstanceSchema } from "../models.js";

/** Input of {@link listEntities}. @public */
export interface ListEntitiesInput {
  tenantId: string;
  start: DateInput;
  /** Left out of the query when absent: the server then uses its own clock. */
  end?: DateInput | undefined;
}

/** Input of {@link getEntity}. @public */
export interface GetEntityInput {
  entityId: string;
}

/** The fields {@link updateInstanceEntity} may change (the server's whitelist). @public */
export interface UpdateInstanceEntityInput {
  instanceId: string;
  name?: string | undefined;
  flavor?: string | undefined;
  /** The OS, all three keys required by the server (sent as `distro`, `version`, `os_type`). */
  os?: { distro: string; version: string; type: string } | undefined;
  metadata?: Record<string, unknown> | undefined;
  startDate?: DateInput | undefined;
  endDate?: DateInput | undefined;
}

const ListEntities = lazySchema(() =>
  z.strictObject({ tenantId: Id, start: DateField, end: DateField.optional() }),
);

const UpdateInstanceEntity = lazySchema(() =>
  z.strictObject({
    instanceId: Id,
    name: z.string({ error: "must be a string" }).optional(),
    flavor: z.string({ error: "must be a string" }).optional(),
    os: z.strictObject({ distro: z.string(), version: z.string(), type: z.string() }).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    startDate: DateField.optional(),
    endDate: DateField.optional(),
  }),
);

/** `GET /v1/project/{tenant}/entities?start=&end=`: instances and volumes of a tenant. @public */
export async function listEntities(
  ctx: AlmanachContext,
  input: ListEntitiesInput,
  options?: CallOptions,
): Promise<Entity[]> {
  const v = check(ListEntities, input);
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path: "/v1/project/{tenant}/entities",
    pathParams: { tenant: v.tenantId },
    query: { start: formatQueryDate(v.start), end: v.end && formatQueryDate(v.end) },
    expectStatus: EXPECT.GET,
    schema: EntityListSchema,
  });
  return response.data;
}

/** `GET /v1/entity/{id}`: every row (historical ones included) of one entity, hence a list. @public */
export async function getEntity(
  ctx: AlmanachContext,
  input: GetEntityInput,
  options?: CallOptions,
): Promise<Entity[]> {
  const v = check(EntityRef, input);
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path: "/v1/entity/{id}",
    pathParams: { id: v.entityId },
    expectStatus: EXPECT.GET,
    schema: EntityListSchema,
  });
  return response.data;
}

/**
 * `PUT /v1/entity/instance/{id}`: change the active row of an instance; answers the updated row.
 * Only the fields given are sent. Unknown fields (the docs' `start`/`end`) are refused before sending.
 * @public
 */
export async function updateInstanceEntity(
  ctx: AlmanachContext,
  input: UpdateInstanceEntityInput,
  options?: CallOptions,
): Promise<InstanceEntity> {
  const v = check(UpdateInstanceEntity, input);
  const body: Record<string, unknown> = {};
  if (v.name !== undefined) body.name = v.name;
  if (v.flavor !== undefined) body.flavor = v.flavor;
  if (v.os !== undefined) body.os = { distro: v.os.distro, version: v.os.version, os_type: v.os.type };
  if (v.metadata !== undefined) body.metadata = v.metadata;
  if (v.startDate !== undefined) body.start_date = formatBodyDate(v.startDate);
  if (v.endDate !== undefined) body.end_date = formatBodyDate(v.endDate);
  const response = await ctx.http.request({
    ...options,
    method: "PUT",
    path: "/v1/entity/instance/{id}",
    pathParams: { id: v.instanceId },
    body,
    expectStatus: EXPECT.PUT,
    schema: InstanceSchema,
  });
  return response.data;
}
