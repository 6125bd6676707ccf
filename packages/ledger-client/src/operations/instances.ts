import type { CallOptions } from "@meterkit/core";
import { z } from "zod";
import { type AlmanachContext, DateField, Id, orNow, send, validate } from "../context.js";
import { type DateInput, formatBodyDate, formatQueryDate } from "../dates.js";
import { type InstanceEntity, InstanceListSchema } from "../models.js";

/** Input of {@link AlmanachClient.getInstances}. @public */
export interface GetInstancesInput {
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

/** Input of {@link AlmanachClient.createInstance}. @public */
export interface CreateInstanceInput {
  tenantId: string;
  instanceId: string;
  name: string;
  flavor: string;
  start: DateInput;
  /** Missing keys are sent as `null`, like the reference. */
  imageMeta?: ImageMetaInput | undefined;
}

/** Input of {@link AlmanachClient.deleteInstance}. @public */
export interface DeleteInstanceInput {
  instanceId: string;
  /** Default: now (UTC). */
  end?: DateInput | undefined;
}

/** Input of {@link AlmanachClient.resizeInstance}. @public */
export interface ResizeInstanceInput {
  instanceId: string;
  flavor: string;
  /** Default: now (UTC). */
  resizeDate?: DateInput | undefined;
}

const text = z.string({ error: "must be a string" }).nullable().optional();
const GetInstances = z.strictObject({ tenantId: Id, start: DateField, end: DateField });
const CreateInstance = z.strictObject({
  tenantId: Id,
  instanceId: Id,
  name: z.string({ error: "must be a string" }),
  flavor: z.string({ error: "must be a string" }),
  start: DateField,
  imageMeta: z.strictObject({ distro: text, version: text, type: text }).optional(),
});
const DeleteInstance = z.strictObject({ instanceId: Id, end: DateField.optional() });
const ResizeInstance = z.strictObject({ instanceId: Id, flavor: Id, resizeDate: DateField.optional() });

/** `GET /v1/project/{tenant}/instances?start=&end=`. @public */
export async function getInstances(
  ctx: AlmanachContext,
  input: GetInstancesInput,
  options?: CallOptions,
): Promise<InstanceEntity[]> {
  const v = validate(GetInstances, input);
  const query = { start: formatQueryDate(v.start), end: formatQueryDate(v.end) };
  const path = "/v1/project/{tenant}/instances";
  return send(
    ctx,
    { method: "GET", path, pathParams: { tenant: v.tenantId }, query, schema: InstanceListSchema },
    options,
  );
}

/** `POST /v1/project/{tenant}/instance`. @public */
export async function createInstance(
  ctx: AlmanachContext,
  input: CreateInstanceInput,
  options?: CallOptions,
): Promise<true> {
  const v = validate(CreateInstance, input);
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
  await send(
    ctx,
    { method: "POST", path: "/v1/project/{tenant}/instance", pathParams: { tenant: v.tenantId }, body },
    options,
  );
  return true;
}

/** `DELETE /v1/instance/{id}` with a JSON body `{"date": …}`. @public */
export async function deleteInstance(
  ctx: AlmanachContext,
  input: DeleteInstanceInput,
  options?: CallOptions,
): Promise<true> {
  const v = validate(DeleteInstance, input);
  const body = { date: formatBodyDate(orNow(ctx, v.end)) };
  await send(
    ctx,
    { method: "DELETE", path: "/v1/instance/{id}", pathParams: { id: v.instanceId }, body },
    options,
  );
  return true;
}

/** `PUT /v1/instance/{id}/resize`. Resizing to the same flavor is accepted and changes nothing. @public */
export async function resizeInstance(
  ctx: AlmanachContext,
  input: ResizeInstanceInput,
  options?: CallOptions,
): Promise<true> {
  const v = validate(ResizeInstance, input);
  const body = { flavor: v.flavor, date: formatBodyDate(orNow(ctx, v.resizeDate)) };
  await send(
    ctx,
    { method: "PUT", path: "/v1/instance/{id}/resize", pathParams: { id: v.instanceId }, body },
    options,
  );
  return true;
}
