import { type CallOptions, lazySchema, type Paginated } from "@meterkit/core";
import { z } from "zod";
import type { CatalogContext } from "../client.js";
import { check, idInput } from "../input.js";
import {
  type ApprovePartyInput,
  ApprovePartySchema,
  type PartyCreate,
  PartyCreateSchema,
} from "../schemas/catalog.js";
import { PARTY } from "../schemas/responses.js";
import type { Party } from "../types.js";

const PartyKey = lazySchema(() => idInput("partyId"));

/** Query of {@link listParties}. @public */
export interface PartyListQuery {
  readonly status?: string | undefined;
}

// The service answers 400 to a malformed filter; refuse it (and unknown keys) before anything is sent.
const PartyListQuerySchema = lazySchema(() => z.strictObject({ status: z.string().optional() }));

/** Registers a PENDING party (customer registration stands outside the provider tools). @public */
export async function createParty(
  ctx: CatalogContext,
  input: PartyCreate = {},
  options?: CallOptions,
): Promise<Party> {
  const body = check(PartyCreateSchema, input);
  return (
    await ctx.http.request<Party>({ ...options, method: "POST", path: "/parties", body, schema: PARTY.one })
  ).data;
}

/** One party by id. @public */
export async function getParty(
  ctx: CatalogContext,
  input: { partyId: number },
  options?: CallOptions,
): Promise<Party> {
  const { partyId } = check(PartyKey, input);
  return (
    await ctx.http.request<Party>({
      ...options,
      method: "GET",
      path: "/parties/{id}",
      pathParams: { id: partyId },
      schema: PARTY.one,
    })
  ).data;
}

/** The parties, page by page. @public */
export function listParties(
  ctx: CatalogContext,
  input: PartyListQuery = {},
  options?: CallOptions,
): Paginated<Party> {
  return ctx.http.paginate<Party>({
    ...options,
    path: "/parties",
    query: { ...check(PartyListQuerySchema, input) },
    schema: PARTY.page,
  });
}

/**
 * Moves a party from PENDING to APPROVED with its balance and credit limit (the ApproveParty tool);
 * 409 `invalid_state` when it is not PENDING.
 * @public
 */
export async function approveParty(
  ctx: CatalogContext,
  input: ApprovePartyInput,
  options?: CallOptions,
): Promise<Party> {
  const { partyId, ...body } = check(ApprovePartySchema, input);
  return (
    await ctx.http.request<Party>({
      ...options,
      method: "POST",
      path: "/parties/{id}/approval",
      pathParams: { id: partyId },
      body,
      schema: PARTY.one,
    })
  ).data;
}

/** Deletes a party; refused (409 `in_use`) while a product, offer or template references it. @public */
export async function deleteParty(
  ctx: CatalogContext,
  input: { partyId: number },
  options?: CallOptions,
): Promise<void> {
  const { partyId } = check(PartyKey, input);
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: "/parties/{id}",
    pathParams: { id: partyId },
  });
}
