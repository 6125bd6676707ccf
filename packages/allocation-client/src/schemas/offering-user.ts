import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { str, strOrNull } from "./fields.js";

/** Fields of OpenAPI 8.0.5 `OfferingUser` this client types. @internal */
export const OfferingUserShape = () => ({
  url: str(),
  uuid: str(),
  user: str(),
  offering: str(),
  username: strOrNull(),
  offering_uuid: str(),
  offering_name: str(),
  user_uuid: str(),
  user_username: str(),
  created: str(),
  modified: str(),
  state: str(),
});

/** @internal */
export const OfferingUserSchema = lazySchema(() => z.looseObject(OfferingUserShape()));

/** The account of a user on an offering, as created by `marketplace-offering-users/`. @public */
export type OfferingUser = z.infer<typeof OfferingUserSchema>;
