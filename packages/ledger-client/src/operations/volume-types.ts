import type { CallOptions } from "@meterkit/core";
import { z } from "zod";
import { type AlmanachContext, Id, send, validate } from "../context.js";
import { type VolumeType, VolumeTypeListSchema, VolumeTypeSchema } from "../models.js";

/** Input of {@link AlmanachClient.createVolumeType}. @public */
export interface CreateVolumeTypeInput {
  volumeTypeId: string;
  volumeTypeName: string;
}

const CreateVolumeType = z.strictObject({ volumeTypeId: Id, volumeTypeName: Id });

/** `GET /v1/volume_types`. @public */
export async function getVolumeTypes(ctx: AlmanachContext, options?: CallOptions): Promise<VolumeType[]> {
  return send(ctx, { method: "GET", path: "/v1/volume_types", schema: VolumeTypeListSchema }, options);
}

/** `GET /v1/volume_type/{id}` (singular). @public */
export async function getVolumeType(
  ctx: AlmanachContext,
  volumeTypeId: string,
  options?: CallOptions,
): Promise<VolumeType> {
  const id = validate(z.object({ volumeTypeId: Id }), { volumeTypeId }).volumeTypeId;
  return send(
    ctx,
    { method: "GET", path: "/v1/volume_type/{id}", pathParams: { id }, schema: VolumeTypeSchema },
    options,
  );
}

/** `POST /v1/volume_type`. The server does not check that the id is new. @public */
export async function createVolumeType(
  ctx: AlmanachContext,
  input: CreateVolumeTypeInput,
  options?: CallOptions,
): Promise<true> {
  const v = validate(CreateVolumeType, input);
  const body = { type_id: v.volumeTypeId, type_name: v.volumeTypeName };
  await send(ctx, { method: "POST", path: "/v1/volume_type", body }, options);
  return true;
}

/** `DELETE /v1/volume_type/{id}` (no body). @public */
export async function deleteVolumeType(
  ctx: AlmanachContext,
  volumeTypeId: string,
  options?: CallOptions,
): Promise<true> {
  const id = validate(z.object({ volumeTypeId: Id }), { volumeTypeId }).volumeTypeId;
  await send(ctx, { method: "DELETE", path: "/v1/volume_type/{id}", pathParams: { id } }, options);
  return true;
}
