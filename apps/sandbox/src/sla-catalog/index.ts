/**
 * The SLA catalog service: the REST API behind the SLA@SOI provider tools (`@meterkit/sla-catalog-client`).
 * Start it with {@link startSlaCatalog}.
 */

export { createScratchDatabase } from "./db/admin.js";
export { MIGRATIONS } from "./db/migrations.js";
export type { FieldError, Referrer } from "./http/problem.js";
export type { SlaCatalogOptions, SlaCatalogServer } from "./server.js";
export { BASE_PATH, startSlaCatalog } from "./server.js";
