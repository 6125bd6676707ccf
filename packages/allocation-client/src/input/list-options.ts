import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { PageSize } from "./common.js";

/** Options of every list: call options plus the page size and an item limit. @public */
export interface ListOptions extends CallOptions {
  /** Items per page, 1–300 (Waldur's maximum). Default: the client's `pageSize` (200, as the reference). */
  pageSize?: number | undefined;
  /** Stop after this many items (no further pages are fetched). */
  limit?: number | undefined;
}

/** @internal */
export const ListOptionsSchema = lazySchema(() =>
  z.looseObject({
    pageSize: PageSize.optional(),
    limit: z.number().int().min(0).optional(),
  }),
);
