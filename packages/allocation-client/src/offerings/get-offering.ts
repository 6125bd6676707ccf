import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { routesOf } from "../generation.js";
import { check, Uuid } from "../input/common.js";
import { type Offering, OfferingSchema } from "../schemas/offering.js";

/** Which offering to get. @public */
export interface GetOfferingInput {
  /** UUID of the offering. */
  offeringUuid: string;
}

const Input = lazySchema(() => z.strictObject({ offeringUuid: Uuid }));

/**
 * `GET marketplace-provider-offerings/{uuid}/` (current) or `marketplace-offerings/{uuid}/` (legacy, seed:
 * `get_marketplace_offering`): the offering with its `components`, whose `type`s usages are reported under.
 * @example `const offering = await getOffering(ctx, { offeringUuid })`
 * @public
 */
export async function getOffering(
  ctx: WaldurContext,
  input: GetOfferingInput,
  options?: CallOptions,
): Promise<Offering> {
  const { offeringUuid } = check(Input, input, "input");
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path: `/${routesOf(ctx.generation).offerings}/{uuid}/`,
    pathParams: { uuid: offeringUuid },
    schema: OfferingSchema,
  });
  return response.data;
}
