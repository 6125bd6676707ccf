import type { CallOptions } from "@meterkit/core";
import { z } from "zod";
import { type AlmanachContext, Attachments, DateField, Id, orNow, Size, send, validate } from "../context.js";
import { type DateInput, formatBodyDate, formatQueryDate } from "../dates.js";
import { type VolumeEntity, VolumeListSchema } from "../models.js";

/** Input of {@link AlmanachClient.getVolumes}. @public */
export interface GetVolumesInput {
  tenantId: string;
  start: DateInput;
  end: DateInput;
}

/** Input of {@link AlmanachClient.createVolume}. @public */
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

/** Input of {@link AlmanachClient.deleteVolume}. @public */
export interface DeleteVolumeInput {
  volumeId: string;
  /** Default: now (UTC). */
  end?: DateInput | undefined;
}

/** Input of {@link AlmanachClient.resizeVolume}. @public */
export interface ResizeVolumeInput {
  volumeId: string;
  size: number;
  /** Default: now (UTC). */
  resizeDate?: DateInput | undefined;
}

/** Input of {@link AlmanachClient.attachVolume} and {@link AlmanachClient.detachVolume}. @public */
export interface VolumeAttachmentInput {
  volumeId: string;
  /** Attach: the instances to attach. Detach: the instances that *remain* attached. */
  attachments: string[];
  /** Default: now (UTC). */
  attachmentDate?: DateInput | undefined;
}

const GetVolumes = z.strictObject({ tenantId: Id, start: DateField, end: DateField });
const CreateVolume = z.strictObject({
  tenantId: Id,
  volumeId: Id,
  volumeTypeId: Id,
  name: z.string({ error: "must be a string" }),
  size: Size,
  attachments: Attachments.optional(),
  start: DateField.optional(),
});
const DeleteVolume = z.strictObject({ volumeId: Id, end: DateField.optional() });
const ResizeVolume = z.strictObject({ volumeId: Id, size: Size, resizeDate: DateField.optional() });
const VolumeAttachment = z.strictObject({
  volumeId: Id,
  attachments: Attachments,
  attachmentDate: DateField.optional(),
});

/** `GET /v1/project/{tenant}/volumes?start=&end=`. @public */
export async function getVolumes(
  ctx: AlmanachContext,
  input: GetVolumesInput,
  options?: CallOptions,
): Promise<VolumeEntity[]> {
  const v = validate(GetVolumes, input);
  const query = { start: formatQueryDate(v.start), end: formatQueryDate(v.end) };
  const path = "/v1/project/{tenant}/volumes";
  return send(
    ctx,
    { method: "GET", path, pathParams: { tenant: v.tenantId }, query, schema: VolumeListSchema },
    options,
  );
}

/** `POST /v1/project/{tenant}/volume`. An unknown volume type answers 404. @public */
export async function createVolume(
  ctx: AlmanachContext,
  input: CreateVolumeInput,
  options?: CallOptions,
): Promise<true> {
  const v = validate(CreateVolume, input);
  const body = {
    volume_id: v.volumeId,
    volume_type: v.volumeTypeId,
    volume_name: v.name,
    size: v.size,
    attached_to: v.attachments ?? [],
    start: formatBodyDate(orNow(ctx, v.start)),
  };
  await send(
    ctx,
    { method: "POST", path: "/v1/project/{tenant}/volume", pathParams: { tenant: v.tenantId }, body },
    options,
  );
  return true;
}

/** `DELETE /v1/volume/{id}` with a JSON body `{"date": …}`. @public */
export async function deleteVolume(
  ctx: AlmanachContext,
  input: DeleteVolumeInput,
  options?: CallOptions,
): Promise<true> {
  const v = validate(DeleteVolume, input);
  const body = { date: formatBodyDate(orNow(ctx, v.end)) };
  await send(
    ctx,
    { method: "DELETE", path: "/v1/volume/{id}", pathParams: { id: v.volumeId }, body },
    options,
  );
  return true;
}

/** `PUT /v1/volume/{id}/resize`. @public */
export async function resizeVolume(
  ctx: AlmanachContext,
  input: ResizeVolumeInput,
  options?: CallOptions,
): Promise<true> {
  const v = validate(ResizeVolume, input);
  const body = { size: v.size, date: formatBodyDate(orNow(ctx, v.resizeDate)) };
  await send(
    ctx,
    { method: "PUT", path: "/v1/volume/{id}/resize", pathParams: { id: v.volumeId }, body },
    options,
  );
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
  const v = validate(VolumeAttachment, input);
  const body = { attachments: v.attachments, date: formatBodyDate(orNow(ctx, v.attachmentDate)) };
  await send(
    ctx,
    { method: "PUT", path: `/v1/volume/{id}/${action}`, pathParams: { id: v.volumeId }, body },
    options,
  );
  return true as const;
}
