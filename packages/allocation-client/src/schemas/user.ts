import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { anyValue, bool, int, str, strOrNull } from "./fields.js";

/** Fields of OpenAPI 8.0.5 `User` this client types (checked against the schema in tests). @internal */
export const UserShape = () => ({
  url: str(),
  uuid: str(),
  username: str(),
  full_name: str(),
  native_name: str(),
  job_title: str(),
  email: str(),
  phone_number: str(),
  organization: str(),
  civil_number: strOrNull(),
  description: str(),
  is_staff: bool(),
  is_active: bool(),
  is_support: bool(),
  token_lifetime: int().nullable(),
  registration_method: str(),
  date_joined: str(),
  agreement_date: strOrNull(),
  preferred_language: str(),
  requested_email: strOrNull(),
  affiliations: anyValue(),
  first_name: str(),
  last_name: str(),
  identity_provider_name: str(),
  identity_provider_label: str(),
  image: strOrNull(),
});

/** A Waldur user (`GET users/`). Fields absent from a response stay `undefined`; unknown ones are kept. @internal */
export const UserSchema = lazySchema(() =>
  z.looseObject({
    ...UserShape(),
    // 5.4 only: replaced by `permissions` in later releases.
    customer_permissions: z.array(z.unknown()).optional(),
    project_permissions: z.array(z.unknown()).optional(),
  }),
);

/** A Waldur user. @public */
export type User = z.infer<typeof UserSchema>;
