import type { Paginated, QueryValue } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { check } from "../input/common.js";
import { type ListOptions, ListOptionsSchema } from "../input/list-options.js";

/**
 * A paginated GET: the first page carries `page_size`, every further page is exactly the server's
 * `Link: rel="next"` URL (core's paginate), so parameters are never re-sent the way python-waldur-client
 * v0.1.5 snowballed them (`page_size=200&page_size=200&…`).
 * @internal
 */
export function list<T>(
  ctx: WaldurContext,
  path: string,
  query: Readonly<Record<string, QueryValue>>,
  item: z.ZodType<T>,
  options: ListOptions | undefined,
  defaultPageSize: number | null = ctx.pageSize,
): Paginated<T> {
  const { pageSize, limit, ...call } = check(ListOptionsSchema, options ?? {}, "options") as ListOptions;
  const size = pageSize ?? defaultPageSize;
  return ctx.http.paginate<T>({
    ...call,
    path,
    query: size === null ? query : { ...query, page_size: size },
    schema: z.array(item),
    limit,
  });
}
