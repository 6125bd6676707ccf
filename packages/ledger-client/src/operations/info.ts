import type { CallOptions } from "@meterkit/core";
import { type AlmanachContext, send } from "../context.js";
import { type AlmanachInfo, InfoSchema } from "../models.js";

/** `GET /v1/info`: the server version and entity counts (needs no token). @public */
export async function getInfo(ctx: AlmanachContext, options?: CallOptions): Promise<AlmanachInfo> {
  return send(ctx, { method: "GET", path: "/v1/info", schema: InfoSchema }, options);
}
