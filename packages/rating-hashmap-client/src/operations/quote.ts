import type { CallOptions } from "@meterkit/core";
import { z } from "zod";
import type { HashMapContext } from "../context.js";
import { DecimalString } from "../decimal/decimal-schema.js";
import { check } from "../inputs.js";
import { type UsageRecord, UsageRecords } from "../usage.js";

// The server declares a float but sends str(Decimal): a bare JSON string such as "0E-27".
const QuoteResult = z.union([DecimalString, z.number().transform(String)]);
const QuoteInput = z.strictObject({ resources: UsageRecords });

/** Input of `quote`: the usage records to price. @public */
export interface QuoteInput {
  /** At least one usage record, in the shape CloudKitty rates. */
  resources: readonly UsageRecord[];
}

/**
 * `POST /v1/rating/quote`: the price CloudKitty's enabled rating modules give these resources, as a decimal
 * string exactly as the server formats it (`"3.000000000000000000000000000"`, `"0E-27"`). Only rules without
 * a tenant apply. `desc` defaults to `{}` (the server answers 500 without one).
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
