/** Offering details (both routes) and `POST marketplace-offering-users/`. */
import { randomUUID } from "node:crypto";
import { type Answer, notFound, type WaldurRequest } from "../http.js";
import { renderOffering, renderOfferingUser } from "../render-offering.js";
import { renderContext, type StandIn } from "../state.js";

export function getOffering(s: StandIn, req: WaldurRequest, uuid: string, legacy: boolean): Answer {
  const offering = s.data.offerings.find((o) => o.uuid === uuid);
  return offering ? { status: 200, body: renderOffering(renderContext(s, req, legacy), offering) } : notFound;
}

/** DRF's HyperlinkedRelatedField: only the path is resolved, and it must be one of the given routes. */
function resolve(
  value: unknown,
  routes: readonly string[],
  exists: (uuid: string) => boolean,
): string | string[] {
  if (typeof value !== "string") return [`Incorrect type. Expected URL string, received ${typeof value}.`];
  let path: string;
  try {
    path = new URL(value, "http://x").pathname;
  } catch {
    return ["Invalid hyperlink - No URL match."];
  }
  const match = /^\/api\/([a-z-]+)\/([0-9a-f-]{32,36})\/$/i.exec(path);
  if (!/^https?:\/\/|^\//.test(value) || !match || !routes.includes(match[1] ?? ""))
    return ["Invalid hyperlink - No URL match."];
  const uuid = (match[2] ?? "").replaceAll("-", "").toLowerCase();
  return exists(uuid) ? uuid : ["Invalid hyperlink - Object does not exist."];
}

export function createOfferingUser(s: StandIn, req: WaldurRequest): Answer {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  const offering =
    body.offering === undefined
      ? ["This field is required."]
      : resolve(
          body.offering,
          ["marketplace-offerings", "marketplace-provider-offerings", "marketplace-public-offerings"],
          (u) => s.data.offerings.some((o) => o.uuid === u),
        );
  const user =
    body.user === undefined
      ? ["This field is required."]
      : resolve(body.user, ["users"], (u) => s.data.users.some((x) => x.uuid === u));
  if (Array.isArray(offering)) errors.offering = offering;
  if (Array.isArray(user)) errors.user = user;
  if (body.username !== undefined && body.username !== null && typeof body.username !== "string")
    errors.username = ["Not a valid string."];
  if (Object.keys(errors).length || Array.isArray(offering) || Array.isArray(user))
    return { status: 400, body: errors };
  const record = s.data.offerings.find((o) => o.uuid === offering);
  if (!record?.can_create_offering_user)
    return { status: 400, body: ["It is not allowed to create users for current offering."] };
  if (s.data.offeringUsers.some((o) => o.offering_uuid === offering && o.user_uuid === user)) {
    return { status: 400, body: { non_field_errors: ["The fields offering, user must make a unique set."] } };
  }
  const created = {
    uuid: randomUUID().replaceAll("-", ""),
    offering_uuid: offering,
    user_uuid: user,
    username: (body.username as string | null | undefined) ?? null,
    created: s.now().toISOString(),
  };
  s.data.offeringUsers.push(created);
  const legacy = typeof body.offering === "string" && body.offering.includes("/marketplace-offerings/");
  return { status: 201, body: renderOfferingUser(renderContext(s, req, legacy), created) };
}
