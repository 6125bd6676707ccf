import type { Paginated, QueryValue } from "@meterkit/core";
import type { z } from "zod";
import type { WaldurContext } from "../context.js";
import { check } from "../input/common.js";
import { type ListOptions, ListOptionsSchema } from "../input/list-options.js";
import { pageSchema } from "../schemas/page-schema.js";

/**
 * A paginated GET: the first page carries `page_size`, every further page is exactly the server's
 * `Link: rel="next"` URL (core's paginate), so parameters are never re-sent the way python-waldur-client
 * v0.1.5 snowballed them (`page_size=200&page_size=200&…`). Each page is checked against `item` once.
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
    // One compiled pass over the page, zod for whatever it does not accept (schemas/page-schema.ts).
    schema: pageSchema(item),
    limit,
  });
}
