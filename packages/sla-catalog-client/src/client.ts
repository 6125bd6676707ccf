import { createHttpClient, type HttpClient, type HttpClientOptions } from "@meterkit/core";
import { catalogOperations } from "./operations/catalog.js";
import { pricingOperations } from "./operations/pricing.js";
import { PACKAGE } from "./request.js";

/** Options of {@link createCatalogClient}: those of core's `createHttpClient`; `baseUrl` ends in `/sla-catalog/v1`. @public */
export type CatalogClientOptions = Omit<HttpClientOptions, "packageName">;

/** The catalog client: one method per provider tool, plus the reads and undo operations. @public */
export type CatalogClient = ReturnType<typeof catalogOperations> &
  ReturnType<typeof pricingOperations> & { readonly http: HttpClient };

/**
 * Creates a client of the SLA catalog service. Inputs are validated before sending (`InvalidInputError`
 * naming the field); refusals throw `CatalogError` with the problem details.
 * @example
 * ```ts
 * const catalog = createCatalogClient({ baseUrl: "http://localhost:8080/sla-catalog/v1" });
 * const product = await catalog.addProduct({ partyId: 465, name: "Small VM" });
 * ```
 * @public
 */
export function createCatalogClient(options: CatalogClientOptions | HttpClient): CatalogClient {
  const http = "request" in options ? options : createHttpClient({ ...options, packageName: PACKAGE });
  return { http, ...catalogOperations(http), ...pricingOperations(http) };
}
