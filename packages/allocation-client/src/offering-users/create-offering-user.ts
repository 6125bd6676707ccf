import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { routesOf } from "../generation.js";
import { check, Uuid } from "../input/common.js";
import { type OfferingUser, OfferingUserSchema } from "../schemas/offering-user.js";

/** Grant a user an account on an offering. `offering` and `user` are UUIDs or API URLs. @public */
export interface CreateOfferingUserInput {
  /** UUID of the offering, or its URL (`…/marketplace-provider-offerings/<uuid>/`). */
  offering: string;
  /** UUID of the user, or its URL (`…/users/<uuid>/`). */
  user: string;
  /** The user's login on the provider's system. */
  username?: string;
}

const httpUrl = () => z.url({ protocol: /^https?$/ });
const uuidOrUrl = () => z.union([Uuid, httpUrl()], { error: "must be a UUID or an absolute http(s) URL" });
const Input = lazySchema(() =>
  z.strictObject({
    offering: uuidOrUrl(),
    user: uuidOrUrl(),
    username: z.string().min(1).optional(),
  }),
);

/**
 * `POST marketplace-offering-users/` (seed: `create_remote_offering_user`). UUIDs become hyperlinks on the
 * configured API root, under the generation's offering route (the server resolves only the path, and it
 * must be that route: `marketplace-offerings/` on 5.4, `marketplace-provider-offerings/` today).
 * A 409 is sent again like order actions.
 * @example `await createOfferingUser(ctx, { offering: offeringUuid, user: userUuid, username: "csc_user_01" })`
 * @public
 */
export async function createOfferingUser(
  ctx: WaldurContext,
  input: CreateOfferingUserInput,
  options?: CallOptions,
): Promise<OfferingUser> {
  const parsed = check(Input, input, "input");
  const link = (route: string, value: string) =>
    Uuid.safeParse(value).success ? `${ctx.apiRoot}${route}/${value}/` : value;
  const response = await ctx.http.request({
    ...options,
    method: "POST",
    path: "/marketplace-offering-users/",
    body: {
      offering: link(routesOf(ctx.generation).offerings, parsed.offering),
      user: link("users", parsed.user),
      ...(parsed.username === undefined ? {} : { username: parsed.username }),
    },
    schema: OfferingUserSchema,
    retry: ctx.conflictRetry,
  });
  return response.data;
}
