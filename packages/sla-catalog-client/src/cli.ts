/**
 * The `sla-catalog` command: the SLA@SOI provider tools on top of {@link createCatalogClient}.
 * `bin.js` imports this module and calls {@link main}.
 * @packageDocumentation
 */
export type { CliIo } from "./cli/run.js";
export { EXIT, main } from "./cli/run.js";
