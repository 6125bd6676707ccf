/**
 * Usage records in the shape of CloudKitty's quote (`POST /v1/rating/quote`), shared by the client's `quote`
 * and the local engine so both price exactly the same input.
 */
import { buildOnce, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { VolumeInput } from "./decimal/decimal-schema.js";

/**
 * A desc value: any JSON value, as CloudKitty takes it (the quote does not look inside `metadata` and
 * `groupby`). HashMap compares `str(value)` (Python's repr for lists and dicts: `[1, 'a']`, `{'k': None}`)
 * and, for thresholds, reads `decimal.Decimal(value)` (a list as its tuple form: `[0, [4, 0, 9, 6], 0]`).
 * @public
 */
export type DescValue =
  | string
  | number
  | boolean
  | null
  | readonly DescValue[]
  | { readonly [key: string]: DescValue };

/**
 * A {@link DescValue}: any JSON value (finite numbers: `NaN` would be sent as `null`); CloudKitty takes any in
 * `metadata`/`groupby`. The engine's usage records and the quote's resources both use it. @internal
 */
export const DescValueSchema: z.ZodType<DescValue, DescValue> = lazySchema(() =>
  z.lazy(() =>
    z.union([
      z.string(),
      z.number().finite(),
      z.boolean(),
      z.null(),
      z.array(DescValueSchema),
      z.record(z.string(), DescValueSchema),
    ]),
  ),
);

const desc = buildOnce(() => ({
  metadata: z.record(z.string(), DescValueSchema).optional(),
  groupby: z.record(z.string(), DescValueSchema).optional(),
}));
/** The desc as callers may write it: only `metadata` and `groupby` (the schema checks stray keys itself). */
const StrictDesc = lazySchema(() => z.strictObject(desc()));

/**
 * One resource to price. The server reads only `desc.metadata` and `desc.groupby` (merged, `groupby` wins);
 * any other `desc` key is silently ignored and prices to 0, so it is refused here (cloudkitty.md §7).
 * @public
 */
export const UsageRecord = lazySchema(() =>
  z.object({
    service: z.string().min(1, "must name the service, e.g. instance"),
    volume: VolumeInput,
    desc: z
      .looseObject(desc())
      // A custom issue per stray key (not zod's unrecognized_keys, whose message core replaces with a generic
      // one), so the error says where the attribute belongs.
      .superRefine((desc, ctx) => {
        for (const key of Object.keys(desc)) {
          if (key === "metadata" || key === "groupby") continue;
          ctx.addIssue({
            code: "custom",
            path: [key],
            message:
              "put usage attributes under desc.metadata or desc.groupby: CloudKitty ignores any other desc key",
          });
        }
      })
      .default({}),
  }),
);
/**
 * One usage record as you pass it to `quote` or the engine (`volume` as a decimal string or an integer).
 * @public
 */
export type UsageRecord = Omit<z.input<typeof UsageRecord>, "desc"> & {
  desc?: z.input<typeof StrictDesc> | undefined;
};
/** A validated usage record (`volume` as a decimal string). @internal */
export type ParsedUsageRecord = Omit<z.output<typeof UsageRecord>, "desc"> & {
  desc: z.output<typeof StrictDesc>;
};

/** A non-empty list of usage records. @internal */
export const UsageRecords = lazySchema(() => z.array(UsageRecord).min(1, "give at least one resource"));
