import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { type AlmanachContext, EXPECT } from "../context.js";
import { check, Id, VolumeTypeRef } from "../input.js";
import { type VolumeType, VolumeTypeListSchema, VolumeTypeSchema } from "../models.js";

/** Input of {@link listVolumeTypes}: nothing. @public */
export type ListVolumeTypesInput = Record<string, never>;

/** Input of {@link getVolumeType} and {@link deleteVolumeType}. @public */
export interface VolumeTypeRefInput {
  volumeTypeId: string;
}

/** Input of {@link createVolumeType}. @public */
export interface CreateVolumeTypeInput {
  volumeTypeId: string;
  volumeTypeName: string;
}

const ListVolumeTypes = lazySchema(() => z.strictObject({}));
const CreateVolumeType = lazySchema(() => z.strictObject({ volumeTypeId: Id, volumeTypeName: Id }));

/** `GET /v1/volume_types`. @public */
export async function listVolumeTypes(
  ctx: AlmanachContext,
  input: ListVolumeTypesInput = {},
  options?: CallOptions,
): Promise<VolumeType[]> {
  check(ListVolumeTypes, input);
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path: "/v1/volume_types",
    expectStatus: EXPECT.GET,
    schema: VolumeTypeListSchema,
  });
  return response.data;
}

/** `GET /v1/volume_type/{id}` (singular). @public */
export async function getVolumeType(
  ctx: AlmanachContext,
  input: VolumeTypeRefInput,
  options?: CallOptions,
): Promise<VolumeType> {
  const v = check(VolumeTypeRef, input);
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path: "/v1/volume_type/{id}",
    pathParams: { id: v.volumeTypeId },
    expectStatus: EXPECT.GET,
    schema: VolumeTypeSchema,
  });
  return response.data;
}

/** `POST /v1/volume_type`. The server does not check that the id is new. @public */
export async function createVolumeType(
  ctx: AlmanachContext,
  input: CreateVolumeTypeInput,
  options?: CallOptions,
): Promise<true> {
  const v = check(CreateVolumeType, input);
  await ctx.http.request({
    ...options,
    method: "POST",
    path: "/v1/volume_type",
    body: { type_id: v.volumeTypeId, type_name: v.volumeTypeName },
    expectStatus: EXPECT.POST,
  });
  return true;
}

/** `DELETE /v1/volume_type/{id}` (no body). @public */
export async function deleteVolumeType(
  ctx: AlmanachContext,
  input: VolumeTypeRefInput,
  options?: CallOptions,
): Promise<true> {
  const v = check(VolumeTypeRef, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/v1/volume_type/{id}",
    pathParams: { id: v.volumeTypeId },
    expectStatus: EXPECT.DELETE,
  });
  return true;
}
