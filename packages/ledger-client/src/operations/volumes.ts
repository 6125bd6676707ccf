import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { type AlmanachContext, EXPECT } from "../context.js";
import { type DateInput, formatBodyDate, formatQueryDate } from "../dates.js";
import { Attachments, check, DateField, Id, orNow, Size } from "../input.js";
import { type VolumeEntity, VolumeListSchema } from "../models.js";

/** Input of {@link listVolumes}. @public */
export interface ListVolumesInput {
  tenantId: string;
  start: DateInput;
  end: DateInput;
}

/** Input of {@link createVolume}. @public */
export interface CreateVolumeInput {
  tenantId: string;
  volumeId: string;
  /** The volume type *id*; the server stores its name. */
  volumeTypeId: string;
  name: string;
  /** Size in GB, a non-negative integer. */
  size: number;
  /** Instances the volume is attached to. Default `[]`. */
  attachments?: string[] | undefined;
  /** Default: now (UTC). */
  start?: DateInput | undefined;
}

/** Input of {@link deleteVolume}. @public */
export interface DeleteVolumeInput {
  volumeId: string;
  /** Default: now (UTC). */
  end?: DateInput | undefined;
}

/** Input of {@link resizeVolume}. @public */
export interface ResizeVolumeInput {
  volumeId: string;
  size: number;
  /** Default: now (UTC). */
  resizeDate?: DateInput | undefined;
}

/** Input of {@link attachVolume} and {@link detachVolume}. @public */
export interface VolumeAttachmentInput {
  volumeId: string;
  /** Attach: the instances to attach. Detach: the instances that *remain* attached. */
  attachments: string[];
  /** Default: now (UTC). */
  attachmentDate?: DateInput | undefined;
}

const ListVolumes = lazySchema(() => z.strictObject({ tenantId: Id, start: DateField, end: DateField }));
const CreateVolume = lazySchema(() =>
  z.strictObject({
    tenantId: Id,
    volumeId: Id,
    volumeTypeId: Id,
    name: z.string({ error: "must be a string" }),
    size: Size,
    attachments: Attachments.optional(),
    start: DateField.optional(),
  }),
);
const DeleteVolume = lazySchema(() => z.strictObject({ volumeId: Id, end: DateField.optional() }));
const ResizeVolume = lazySchema(() =>
  z.strictObject({ volumeId: Id, size: Size, resizeDate: DateField.optional() }),
);
const VolumeAttachment = lazySchema(() =>
  z.strictObject({
    volumeId: Id,
    attachments: Attachments,
    attachmentDate: DateField.optional(),
  }),
);

/** `GET /v1/project/{tenant}/volumes?start=&end=`. @public */
export async function listVolumes(
  ctx: AlmanachContext,
  input: ListVolumesInput,
  options?: CallOptions,
): Promise<VolumeEntity[]> {
  const v = check(ListVolumes, input);
  const query = { start: formatQueryDate(v.start), end: formatQueryDate(v.end) };
  const path = "/v1/project/{tenant}/volumes";
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path,
    pathParams: { tenant: v.tenantId },
    query,
    schema: VolumeListSchema,
    expectStatus: EXPECT.GET,
  });
  return response.data;
}

/** `POST /v1/project/{tenant}/volume`. An unknown volume type answers 404. @public */
export async function createVolume(
  ctx: AlmanachContext,
  input: CreateVolumeInput,
  options?: CallOptions,
): Promise<true> {
  const v = check(CreateVolume, input);
  const body = {
    volume_id: v.volumeId,
    volume_type: v.volumeTypeId,
    volume_name: v.name,
    size: v.size,
    attached_to: v.attachments ?? [],
    start: formatBodyDate(orNow(ctx, v.start)),
  };
  await ctx.http.request({
    ...options,
    method: "POST",
    path: "/v1/project/{tenant}/volume",
    pathParams: { tenant: v.tenantId },
    body,
    expectStatus: EXPECT.POST,
  });
  return true;
}

/** `DELETE /v1/volume/{id}` with a JSON body `{"date": …}`. @public */
export async function deleteVolume(
  ctx: AlmanachContext,
  input: DeleteVolumeInput,
  options?: CallOptions,
): Promise<true> {
  const v = check(DeleteVolume, input);
  const body = { date: formatBodyDate(orNow(ctx, v.end)) };
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/v1/volume/{id}",
    pathParams: { id: v.volumeId },
    body,
    expectStatus: EXPECT.DELETE,
  });
  return true;
}

/** `PUT /v1/volume/{id}/resize`. @public */
export async function resizeVolume(
  ctx: AlmanachContext,
  input: ResizeVolumeInput,
  options?: CallOptions,
): Promise<true> {
  const v = check(ResizeVolume, input);
  const body = { size: v.size, date: formatBodyDate(orNow(ctx, v.resizeDate)) };
  await ctx.http.request({
    ...options,
    method: "PUT",
    path: "/v1/volume/{id}/resize",
    pathParams: { id: v.volumeId },
    body,
    expectStatus: EXPECT.PUT,
  });
  return true;
}

/** `PUT /v1/volume/{id}/attach`. @public */
export async function attachVolume(
  ctx: AlmanachContext,
  input: VolumeAttachmentInput,
  options?: CallOptions,
): Promise<true> {
  return attachment(ctx, "attach", input, options);
}

/** `PUT /v1/volume/{id}/detach`; `attachments` lists the instances that stay attached. @public */
export async function detachVolume(
  ctx: AlmanachContext,
  input: VolumeAttachmentInput,
  options?: CallOptions,
): Promise<true> {
  return attachment(ctx, "detach", input, options);
}

async function attachment(
  ctx: AlmanachContext,
  action: "attach" | "detach",
  input: VolumeAttachmentInput,
  options?: CallOptions,
) {
  const v = check(VolumeAttachment, input);
  const body = { attachments: v.attachments, date: formatBodyDate(orNow(ctx, v.attachmentDate)) };
  await ctx.http.request({
    ...options,
    method: "PUT",
    path: `/v1/volume/{id}/${action}`,
    pathParams: { id: v.volumeId },
    body,
    expectStatus: EXPECT.PUT,
  });
  return true as const;
}
