import type { Paginated } from "@meterkit/core";
import type { WaldurContext } from "../context.js";
import { list } from "../http/list.js";
import { check, Filters } from "../input/common.js";
import type { WaldurFilters } from "../input/filters.js";
import type { ListOptions } from "../input/list-options.js";
import { type SshKey, SshKeySchema } from "../schemas/ssh-key.js";

/** Filters of `keys/` (`user_uuid`, `name`, `is_shared`, …). @public */
export interface SshKeyFilters extends WaldurFilters {
  user_uuid?: string;
  name?: string;
}

/**
 * `GET keys/` (seed: `list_ssh_keys`). Like the reference, no `page_size` is sent unless `options.pageSize`
 * asks for one, so the server's default page size (10) applies.
 * @example `const keys = await collect(listSshKeys(ctx, { user_uuid }))`
 * @public
 */
export function listSshKeys(
  ctx: WaldurContext,
  filters: SshKeyFilters = {},
  options?: ListOptions,
): Paginated<SshKey> {
  const query = check(Filters, filters, "filters");
  return list(ctx, "/keys/", query, SshKeySchema, options, null);
}
