import type { CallOptions } from "@meterkit/core";
import type { ClientContext } from "../context.js";
import { send } from "../http/send.js";
import { check, Uuid } from "../input/common.js";
import { type Offering, OfferingSchema } from "../schemas/offering.js";

/**
 * `GET marketplace-provider-offerings/{uuid}/` (current) or `marketplace-offerings/{uuid}/` (legacy, seed:
 * `get_marketplace_offering`): the offering with its `components`, whose `type`s usages are reported under.
 * @internal
 */
export async function getOffering(
  ctx: ClientContext,
  offeringUuid: string,
  options?: CallOptions,
): Promise<Offering> {
  const uuid = check(Uuid, offeringUuid, "offeringUuid");
  const response = await send(ctx, {
    ...options,
    method: "GET",
    path: `/${ctx.routes.offerings}/{uuid}/`,
    pathParams: { uuid },
    schema: OfferingSchema,
  });
  return response.data;
}
