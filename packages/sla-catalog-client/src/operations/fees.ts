import { type CallOptions, lazySchema } from "@meterkit/core";
import type { CatalogContext } from "../client.js";
import { check, idInput } from "../input.js";
import {
  type CompoundFeeCreate,
  CompoundFeeCreateSchema,
  type FixedFeeCreate,
  FixedFeeCreateSchema,
  type VariableFeeCreate,
  VariableFeeCreateSchema,
} from "../schemas/pricing.js";
import { COMPOUND_FEE, FIXED_FEE, VARIABLE_FEE } from "../schemas/responses.js";
import type { CompoundFee, FixedFee, VariableFee } from "../types.js";

// Fees share one price id space (read them back with `prices.get`); each kind is created and deleted in
// its own collection.
const FeeKey = lazySchema(() => idInput("feeId"));

/** Adds a fixed price (the AddFixedFee tool). @public */
export async function createFixedFee(
  ctx: CatalogContext,
  input: FixedFeeCreate,
  options?: CallOptions,
): Promise<FixedFee> {
  const body = check(FixedFeeCreateSchema, input);
  return (
    await ctx.http.request<FixedFee>({
      ...options,
      method: "POST",
      path: "/fixed-fees",
      body,
      schema: FIXED_FEE.one,
    })
  ).data;
}

/** Adds a price that applies under a condition (the AddVariableFee tool). @public */
export async function createVariableFee(
  ctx: CatalogContext,
  input: VariableFeeCreate,
  options?: CallOptions,
): Promise<VariableFee> {
  const body = check(VariableFeeCreateSchema, input);
  return (
    await ctx.http.request<VariableFee>({
      ...options,
      method: "POST",
      path: "/variable-fees",
      body,
      schema: VARIABLE_FEE.one,
    })
  ).data;
}

/** Adds a price made of fixed and variable fees (the AddCompoundFee tool). @public */
export async function createCompoundFee(
  ctx: CatalogContext,
  input: CompoundFeeCreate,
  options?: CallOptions,
): Promise<CompoundFee> {
  const body = check(CompoundFeeCreateSchema, input);
  return (
    await ctx.http.request<CompoundFee>({
      ...options,
      method: "POST",
      path: "/compound-fees",
      body,
      schema: COMPOUND_FEE.one,
    })
  ).data;
}

/** Deletes a fixed fee; refused (409 `in_use`) while a compound fee or priced item uses it. @public */
export async function deleteFixedFee(
  ctx: CatalogContext,
  input: { feeId: number },
  options?: CallOptions,
): Promise<void> {
  const { feeId } = check(FeeKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/fixed-fees/{id}",
    pathParams: { id: feeId },
  });
}

/** Deletes a variable fee; refused (409 `in_use`) while a compound fee or priced item uses it. @public */
export async function deleteVariableFee(
  ctx: CatalogContext,
  input: { feeId: number },
  options?: CallOptions,
): Promise<void> {
  const { feeId } = check(FeeKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/variable-fees/{id}",
    pathParams: { id: feeId },
  });
}

/** Deletes a compound fee; refused (409 `in_use`) while a priced item uses it. @public */
export async function deleteCompoundFee(
  ctx: CatalogContext,
  input: { feeId: number },
  options?: CallOptions,
): Promise<void> {
  const { feeId } = check(FeeKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/compound-fees/{id}",
    pathParams: { id: feeId },
  });
}
