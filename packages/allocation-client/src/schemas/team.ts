import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { str, strOrNull } from "./fields.js";

/** Fields of OpenAPI 8.0.5 `ProjectUser` this client types. @internal */
export const ProjectUserShape = () => ({
  url: str(),
  uuid: str(),
  username: str(),
  full_name: str(),
  email: str(),
  role: str(),
  expiration_time: strOrNull(),
  offering_user_username: strOrNull(),
  offering_user_state: strOrNull(),
});

/** @internal */
export const ProjectUserSchema = lazySchema(() =>
  z.looseObject({
    ...ProjectUserShape(),
    // 5.4 only: the project permission's URL.
    permission: str(),
  }),
);

/** A member of the project a resource belongs to (`…/{uuid}/team/`). @public */
export type ProjectUser = z.infer<typeof ProjectUserSchema>;
