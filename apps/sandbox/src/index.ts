/**
 * @packageDocumentation
 * `@meterkit/sandbox`: in-process stand-ins for the services without a runnable release here — Almanach,
 * the Waldur marketplace and the SLA catalog. Each starts on a free loopback port and returns its URL.
 */

export type { AlmanachOptions, RunningAlmanach } from "./almanach/index.js";
export { startAlmanach } from "./almanach/index.js";
export type { FieldError, Referrer, SlaCatalogOptions, SlaCatalogServer } from "./sla-catalog/index.js";
export {
  BASE_PATH as SLA_CATALOG_BASE_PATH,
  MIGRATIONS as SLA_CATALOG_MIGRATIONS,
  startSlaCatalog,
} from "./sla-catalog/index.js";
export type { StartWaldurOptions, WaldurData, WaldurStandIn } from "./waldur/index.js";
export { defaultData as defaultWaldurData, startWaldur } from "./waldur/index.js";
