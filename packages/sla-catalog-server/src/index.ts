/**
 * @packageDocumentation
 * `@meterkit/sla-catalog-server`: the SLA catalog service, the REST API behind the SLA@SOI provider tools
 * (`@meterkit/sla-catalog-client`), on embedded PGlite or PostgreSQL. Start it with {@link startSlaCatalog}
 * or the `sla-catalog-server` command.
 */

export type { Role, TokenInfo, TokenSeed } from "./auth/tokens.js";
export type { ScratchDatabase } from "./db/admin.js";
export { createScratchDatabase } from "./db/admin.js";
export { MIGRATIONS } from "./db/migrations.js";
export type { FieldError, Referrer } from "./http/problem.js";
export type { LogEntry, SlaCatalogOptions, SlaCatalogServer } from "./server.js";
export { BASE_PATH, startSlaCatalog } from "./server.js";
