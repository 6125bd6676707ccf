import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { HashMapContext } from "../context.js";
import { DecimalString } from "../decimal/decimal-schema.js";
import { check } from "../inputs.js";
import {
  type DescValue,
  DescValueSchema,
  type UsageRecord,
  UsageRecord as UsageRecordSchema,
} from "../usage.js";

// The server declares a float but sends str(Decimal): a bare JSON string such as "0E-27".
const QuoteResult = lazySchema(() => z.union([DecimalString, z.number().transform(String)]));

const Scalars = lazySchema(() => z.record(z.string(), DescValueSchema));
/**
 * A quote's resource: as the engine's, except that `desc` keys besides `metadata` and `groupby` travel
 * unchanged (cloudkittyclient's own sample sends a flat `desc`; HashMap ignores such keys, but other rating
 * modules, e.g. PyScripts, read the whole `desc`).
 */
const QuoteResource = lazySchema(() =>
  UsageRecordSchema.extend({
    desc: z.looseObject({ metadata: Scalars.optional(), groupby: Scalars.optional() }).default({}),
  }),
);
const QuoteInput = lazySchema(() =>
  z.strictObject({
    resources: z.array(QuoteResource).min(1, "give at least one resource"),
  }),
);

/**
 * One resource of a quote: a {@link UsageRecord}, whose `desc` may also carry keys of its own besides
 * `metadata` and `groupby`; the client sends them unchanged (HashMap reads only `metadata` and `groupby`).
 * @public
 */
export type QuoteResource = Omit<UsageRecord, "desc"> & {
  desc?:
    | {
        metadata?: Readonly<Record<string, DescValue>> | undefined;
        groupby?: Readonly<Record<string, DescValue>> | undefined;
        readonly [key: string]: unknown;
      }
    | undefined;
};

/** Input of `quote`: the usage records to price. @public */
export interface QuoteInput {
  /** At least one usage record, in the shape CloudKitty rates. */
  resources: readonly QuoteResource[];
}

/**
 * `POST /v1/rating/quote`: the price CloudKitty's enabled rating modules give these resources, as a decimal
 * string exactly as the server formats it (`"3.000000000000000000000000000"`, `"0E-27"`). Only rules without
 * a tenant apply. `desc` defaults to `{}` (the server answers 500 without one); its keys besides `metadata`
 * and `groupby` are sent unchanged.
 * @public
 */
export async function quote(ctx: HashMapContext, input: QuoteInput, options?: CallOptions): Promise<string> {
  const { resources } = check(QuoteInput, input);
  const response = await ctx.http.request({
    ...options,
    method: "POST",
    path: "/v1/rating/quote",
    body: { resources },
    schema: QuoteResult,
    // A quote only reads rules: safe to repeat, so the retry loop may retry it like a GET.
    idempotent: true,
  });
  return response.data;
}
