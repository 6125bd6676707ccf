/**
 * @packageDocumentation
 * `@meterkit/sandbox`: in-process stand-ins for other people's services without a runnable release here —
 * Almanach and the Waldur marketplace. Each starts on a free loopback port and returns its URL.
 */

export type { AlmanachOptions, RunningAlmanach } from "./almanach/index.js";
export { startAlmanach } from "./almanach/index.js";
export type {
  Consumer,
  CreateOrderInput,
  Fault,
  StartWaldurOptions,
  WaldurData,
  WaldurStandIn,
} from "./waldur/index.js";
export { defaultData as defaultWaldurData, startWaldur } from "./waldur/index.js";
