/**
 * @packageDocumentation
 * `@meterkit/connector-model/testing`: record/replay for connector tests, on core's cassettes.
 */
export type { VcrOptions, VcrRecordMode } from "./vcr.js";
export { vcrCassetteContext } from "./vcr.js";
