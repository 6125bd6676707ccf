/** One row per tenant of the pricing comparison, shared by the terminal summary and the HTML report. */
import { decimalRound } from "./decimal.js";
import type { DemoReport } from "./model.js";

/** `[tenant, records, CloudKitty quote, local engine, equal]`, prices rounded to 4 places. */
export function tenantCostRows(rating: NonNullable<DemoReport["rating"]>): unknown[][] {
  return rating.tenants.map((t) => [
    t.tenant,
    t.records.length,
    t.cloudkitty === null ? "—" : decimalRound(t.cloudkitty, 4),
    decimalRound(t.local, 4),
    t.match === null ? "n/a" : t.match ? "yes" : "NO",
  ]);
}
