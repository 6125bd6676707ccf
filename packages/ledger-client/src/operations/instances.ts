import { buildOnce, type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { type AlmanachContext, EXPECT } from "../context.js";
import { type DateInput, formatBodyDate, formatQueryDate } from "../dates.js";
import { check, DateField, Id, orNow } from "../input.js";
import { type InstanceEntity, InstanceListSchema } from "../models.js";

/** Input of {@link listInstances}. @public */
export interface ListInstancesInput {
  tenantId: string;
  start: DateInput;
  end: DateInput;
}

/** Image metadata given at creation: `type` is sent as `os_type`. @public */
export interface ImageMetaInput {
  distro?: string | null | undefined;
  version?: string | null | undefined;
  type?: string | null | undefined;
}

/** Input of {@link createInstance}. @public */
export interface CreateInstanceInput {
  tenantId: string;
  instanceId: string;
  name: string;
  flavor: string;
  start: DateInput;
  /** Missing keys are sent as `null`, like the reference. */
  imageMeta?: ImageMetaInput | undefined;
}

/** Input of {@link deleteInstance}. @public */
export interface DeleteInstanceInput {
  instanceId: string;
  /** Default: now (UTC). */
  end?: DateInput | undefined;
}

/** Input of {@link resizeInstance}. @public */
export interface ResizeInstanceInput {
  instanceId: string;
  flavor: string;
  /** Default: now (UTC). */
  resizeDate?: DateInput | undefined;
}

const text = buildOnce(() => z.string({ error: "must be a string" }).nullable().optional());
const ListInstances = lazySchema(() => z.strictObject({ tenantId: Id, start: DateField, end: DateField }));
const CreateInstance = lazySchema(() =>
  z.strictObject({
    tenantId: Id,
    instanceId: Id,
    name: z.string({ error: "must be a string" }),
    flavor: z.string({ error: "must be a string" }),
    start: DateField,
    imageMeta: z.strictObject({ distro: text(), version: text(), type: text() }).optional(),
  }),
);
const DeleteInstance = lazySchema(() => z.strictObject({ instanceId: Id, end: DateField.optional() }));
const ResizeInstance = lazySchema(() =>
  z.strictObject({ instanceId: Id, flavor: Id, resizeDate: DateField.optional() }),
);

/** `GET /v1/project/{tenant}/instances?start=&end=`. @public */
export async function listInstances(
  ctx: AlmanachContext,
  input: ListInstancesInput,
  options?: CallOptions,
): Promise<InstanceEntity[]> {
  const v = check(ListInstances, input);
  const query = { start: formatQueryDate(v.start), end: formatQueryDate(v.end) };
  const path = "/v1/project/{tenant}/instances";
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path,
    pathParams: { tenant: v.tenantId },
    query,
    schema: InstanceListSchema,
    expectStatus: EXPECT.GET,
  });
  return response.data;
}

/** `POST /v1/project/{tenant}/instance`. @public */
export async function createInstance(
  ctx: AlmanachContext,
  input: CreateInstanceInput,
  options?: CallOptions,
): Promise<true> {
  const v = check(CreateInstance, input);
  const meta = v.imageMeta ?? {};
  const body = {
    id: v.instanceId,
    created_at: formatBodyDate(v.start),
    name: v.name,
    flavor: v.flavor,
    os_distro: meta.distro ?? null,
    os_version: meta.version ?? null,
    os_type: meta.type ?? null,
  };
  await ctx.http.request({
    ...options,
    method: "POST",
    path: "/v1/project/{tenant}/instance",
    pathParams: { tenant: v.tenantId },
    body,
    expectStatus: EXPECT.POST,
  });
  return true;
}

/** `DELETE /v1/instance/{id}` with a JSON body `{"date": …}`. @public */
export async function deleteInstance(
  ctx: AlmanachContext,
  input: DeleteInstanceInput,
  options?: CallOptions,
): Promise<true> {
  const v = check(DeleteInstance, input);
  const body = { date: formatBodyDate(orNow(ctx, v.end)) };
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/v1/instance/{id}",
    pathParams: { id: v.instanceId },
    body,
    expectStatus: EXPECT.DELETE,
  });
  return true;
}

/** `PUT /v1/instance/{id}/resize`. Resizing to the same flavor is accepted and changes nothing. @public */
export async function resizeInstance(
  ctx: AlmanachContext,
  input: ResizeInstanceInput,
  options?: CallOptions,
): Promise<true> {
  const v = check(ResizeInstance, input);
  const body = { flavor: v.flavor, date: formatBodyDate(orNow(ctx, v.resizeDate)) };
  await ctx.http.request({
    ...options,
    method: "PUT",
    path: "/v1/instance/{id}/resize",
    pathParams: { id: v.instanceId },
    body,
    expectStatus: EXPECT.PUT,
  });
  return true;
}
