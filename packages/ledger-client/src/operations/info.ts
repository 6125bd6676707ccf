import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { type AlmanachContext, EXPECT } from "../context.js";
import { check } from "../input.js";
import { type AlmanachInfo, InfoSchema } from "../models.js";

/** Input of {@link getInfo}: nothing. @public */
export type GetInfoInput = Record<string, never>;

const GetInfo = lazySchema(() => z.strictObject({}));

/** `GET /v1/info`: the server version and entity counts (needs no token). @public */
export async function getInfo(
  ctx: AlmanachContext,
  input: GetInfoInput = {},
  options?: CallOptions,
): Promise<AlmanachInfo> {
  check(GetInfo, input);
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path: "/v1/info",
    expectStatus: EXPECT.GET,
    schema: InfoSchema,
  });
  return response.data;
}
