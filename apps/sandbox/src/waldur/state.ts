import type { WaldurData } from "./data.js";
import type { WaldurRequest } from "./http.js";
import type { RenderContext } from "./render.js";

/** The running stand-in's state and settings. */
export interface StandIn {
  data: WaldurData;
  defaultPageSize: number;
  maxPageSize: number;
  /** Which offering route hyperlinks use where the called route does not tell. */
  generation: "current" | "legacy";
  /** Clock for usage dates and plan-period checks. */
  now(): Date;
}

/** Hyperlinks to offerings follow the generation of the route that was called. */
export function renderContext(
  s: StandIn,
  req: WaldurRequest,
  legacy = s.generation === "legacy",
): RenderContext {
  return {
    api: req.api,
    data: s.data,
    offeringRoute: legacy ? "marketplace-offerings" : "marketplace-provider-offerings",
  };
}
