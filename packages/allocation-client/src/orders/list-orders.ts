import { lazySchema, type Paginated } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { routesOf } from "../generation.js";
import { list } from "../http/list.js";
import { check, Filters, oneOrMany, Uuid } from "../input/common.js";
import type { WaldurFilters } from "../input/filters.js";
import type { ListOptions } from "../input/list-options.js";
import { type Order, OrderSchema } from "../schemas/order.js";
import { ORDER_ITEM_STATES, ORDER_STATES, ORDER_TYPES, type OrderState, type OrderType } from "./states.js";

/**
 * Filters of orders / order items by Waldur's query names. `state` and `type` are checked against the
 * configured generation's choices before sending; the UUID filters must be UUIDs.
 * @public
 */
export interface OrderFilters extends WaldurFilters {
  state?: OrderState | readonly OrderState[];
  type?: OrderType | readonly OrderType[];
  offering_uuid?: string;
  provider_uuid?: string;
  resource_uuid?: string;
  project_uuid?: string;
  customer_uuid?: string;
  order_uuid?: string;
}

const uuidFilters = () => ({
  offering_uuid: Uuid.optional(),
  provider_uuid: Uuid.optional(),
  resource_uuid: Uuid.optional(),
  project_uuid: Uuid.optional(),
  customer_uuid: Uuid.optional(),
  order_uuid: Uuid.optional(),
});

const CurrentFilters = lazySchema(() =>
  z.looseObject({
    ...uuidFilters(),
    state: oneOrMany(ORDER_STATES).optional(),
    type: oneOrMany(ORDER_TYPES).optional(),
  }),
);

// 5.4's order-item filters take one value (a ChoiceFilter), and it has no `Restore`.
const LegacyFilters = lazySchema(() =>
  z.looseObject({
    ...uuidFilters(),
    state: z.enum(ORDER_ITEM_STATES).optional(),
    type: z.enum(["Create", "Update", "Terminate"]).optional(),
  }),
);

/**
 * `GET marketplace-orders/` (current; 0.6.4's `list_orders`) or `GET marketplace-order-items/` (legacy;
 * the seed's `list_order_items`), page by page.
 * @example `for await (const order of listOrders(ctx, { state: "pending-provider" })) console.log(order.uuid)`
 * @public
 */
export function listOrders(
  ctx: WaldurContext,
  filters: OrderFilters = {},
  options?: ListOptions,
): Paginated<Order> {
  if (ctx.generation === "legacy") check(LegacyFilters, filters, "filters");
  else check(CurrentFilters, filters, "filters");
  const query = check(Filters, filters, "filters");
  return list(ctx, `/${routesOf(ctx.generation).orders}/`, query, OrderSchema, options);
}
