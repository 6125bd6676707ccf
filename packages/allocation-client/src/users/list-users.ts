import type { Paginated } from "@meterkit/core";
import type { WaldurContext } from "../context.js";
import { list } from "../http/list.js";
import { check, Filters } from "../input/common.js";
import type { WaldurFilters } from "../input/filters.js";
import type { ListOptions } from "../input/list-options.js";
import { type User, UserSchema } from "../schemas/user.js";

/**
 * Filters of `users/`, by Waldur's own query names (`username`, `email`, `full_name`, `is_active`,
 * `customer_uuid`, `project_uuid`, …). Arrays repeat the key.
 * @public
 */
export interface UserFilters extends WaldurFilters {
  username?: string;
  email?: string;
  full_name?: string;
  is_active?: boolean;
  customer_uuid?: string;
  project_uuid?: string;
}

/**
 * `GET users/`: every user the caller may see, page by page (seed: `list_users`); filters are checked
 * before sending.
 * @example `for await (const user of listUsers(ctx, { is_active: true })) console.log(user.username)`
 * @public
 */
export function listUsers(
  ctx: WaldurContext,
  filters: UserFilters = {},
  options?: ListOptions,
): Paginated<User> {
  const query = check(Filters, filters, "filters");
  return list(ctx, "/users/", query, UserSchema, options);
}
