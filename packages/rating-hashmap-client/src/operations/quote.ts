import { type CallOptions, type HttpClient, validateInput } from "@meterkit/core";
import { z } from "zod";
import { call } from "../call.js";
import { DecimalString } from "../decimal/decimal-schema.js";
import { PKG } from "../inputs.js";
import { type UsageRecord, UsageRecords } from "../usage.js";

// The server declares a float but sends str(Decimal): a bare JSON string such as "0E-27".
const QuoteResult = z.union([DecimalString, z.number().transform(String)]);

/**
 * `POST /v1/rating/quote`: the price CloudKitty's enabled rating modules give these resources, as a decimal
 * string exactly as the server formats it (`"3.000000000000000000000000000"`, `"0E-27"`). Only rules without
 * a tenant apply. `desc` defaults to `{}` (the server answers 500 without one).
 * @public
 */
export async function quote(
  http: HttpClient,
  resources: readonly UsageRecord[],
  options?: CallOptions,
): Promise<string> {
  const parsed = validateInput(UsageRecords, resources, { package: PKG, root: "resources" });
  return call(
    http,
    // A quote only reads rules: safe to repeat, so `retry()` may retry it like a GET.
    {
      method: "POST",
      path: "/v1/rating/quote",
      body: { resources: parsed },
      schema: QuoteResult,
      idempotent: true,
    },
    options,
  );
}
