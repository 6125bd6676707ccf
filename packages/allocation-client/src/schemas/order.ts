import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { anyValue, decimal, str, strOrNull } from "./fields.js";

/** Fields of OpenAPI 8.0.5 `OrderDetails` this client types (legacy order items share them). @internal */
export const OrderShape = () => ({
  url: str(),
  uuid: str(),
  created: str(),
  modified: str(),
  type: str(),
  state: str(),
  offering: str(),
  offering_name: str(),
  offering_uuid: str(),
  offering_type: str(),
  plan: strOrNull(),
  plan_name: strOrNull(),
  plan_uuid: strOrNull(),
  marketplace_resource_uuid: strOrNull(),
  resource_uuid: strOrNull(),
  resource_type: strOrNull(),
  resource_name: strOrNull(),
  project_uuid: str(),
  project_name: str(),
  customer_uuid: str(),
  customer_name: str(),
  attributes: anyValue(),
  limits: z.record(z.string(), decimal()).nullable().optional(),
  cost: decimal().nullable(),
  error_message: str(),
  created_by_full_name: str(),
  created_by_civil_number: strOrNull(),
});

/** @internal */
export const OrderSchema = lazySchema(() =>
  z.looseObject({
    ...OrderShape(),
    // 5.4 order items only.
    order_uuid: str(),
    order_approved_at: strOrNull(),
  }),
);

/**
 * An order (current servers: `marketplace-orders/`) or an order item (legacy: `marketplace-order-items/`);
 * both carry `uuid`, `state`, `type`, the offering and the resource.
 * @public
 */
export type Order = z.infer<typeof OrderSchema>;

/** What approving an order answers: 8.0.5 documents `{"detail": "…"}`; the servers send an empty body. @internal */
export const OrderActionSchema = lazySchema(() =>
  z.union([z.undefined(), z.looseObject({ detail: z.string().optional() })]),
);

/** The answer of an order action: `undefined` for an empty body, else `{ detail }`. @public */
export type OrderActionResult = z.infer<typeof OrderActionSchema>;
