/**
 * @packageDocumentation
 * `@meterkit/sandbox`: in-process stand-ins for the services without a runnable release here — Almanach,
 * the Waldur marketplace and the SLA catalog. Each starts on a free loopback port and returns its URL.
 */

export type { AlmanachOptions, RunningAlmanach } from "./almanach/index.js";
export { startAlmanach } from "./almanach/index.js";
// Transitional: the SLA catalog is meterkit's own service, now `@meterkit/sla-catalog-server`; these
// re-exports go once every caller imports it from there.
export type {
  FieldError,
  Referrer,
  SlaCatalogOptions,
  SlaCatalogServer,
} from "@meterkit/sla-catalog-server";
export {
  BASE_PATH as SLA_CATALOG_BASE_PATH,
  createScratchDatabase,
  MIGRATIONS as SLA_CATALOG_MIGRATIONS,
  startSlaCatalog,
} from "@meterkit/sla-catalog-server";
export type { StartWaldurOptions, WaldurData, WaldurStandIn } from "./waldur/index.js";
export { defaultData as defaultWaldurData, startWaldur } from "./waldur/index.js";
