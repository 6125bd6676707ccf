import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { anyValue, bool, intOrNull, str, strOrNull } from "./fields.js";

/** Fields of OpenAPI 8.0.5 `OfferingComponent` this client types. @internal */
export const OfferingComponentShape = () => ({
  billing_type: str(),
  type: str(),
  name: str(),
  description: str(),
  measured_unit: str(),
  limit_period: strOrNull(),
  limit_amount: intOrNull(),
  article_code: str(),
  max_value: intOrNull(),
  min_value: intOrNull(),
  is_boolean: bool(),
  default_limit: intOrNull(),
});

/** @internal */
export const OfferingComponentSchema = lazySchema(() => z.looseObject(OfferingComponentShape()));

/** An accounting component of an offering (`cpu_k_hours`, …); `type` is what usages are reported under. @public */
export type OfferingComponent = z.infer<typeof OfferingComponentSchema>;

/** Fields of OpenAPI 8.0.5 `ProviderOfferingDetails` this client types. @internal */
export const OfferingShape = () => ({
  url: str(),
  uuid: str(),
  created: str(),
  name: str(),
  description: str(),
  customer: strOrNull(),
  customer_uuid: strOrNull(),
  customer_name: strOrNull(),
  category: str(),
  category_uuid: str(),
  category_title: str(),
  state: str(),
  type: str(),
  shared: bool(),
  billable: bool(),
  backend_id: str(),
  attributes: anyValue(),
  options: anyValue(),
  plugin_options: anyValue(),
  secret_options: anyValue(),
  plans: z.array(z.unknown()).optional(),
  components: z.array(OfferingComponentSchema).optional(),
});

/** @internal */
export const OfferingSchema = lazySchema(() => z.looseObject(OfferingShape()));

/** An offering with its components and plans (`marketplace-provider-offerings/{uuid}/`). @public */
export type Offering = z.infer<typeof OfferingSchema>;
