/** One row per tenant of the pricing comparison, shared by the terminal summary and the HTML report. */
import { Decimal } from "decimal.js";
import type { DemoReport } from "./model.js";

/** `[tenant, records, CloudKitty quote, local engine, equal]`, prices rounded to 4 places. */
export function tenantCostRows(rating: NonNullable<DemoReport["rating"]>): unknown[][] {
  return rating.tenants.map((t) => [
    t.tenant,
    t.records.length,
    t.cloudkitty === null ? "—" : round4(t.cloudkitty),
    round4(t.local),
    t.match === null ? "n/a" : t.match ? "yes" : "NO",
  ]);
}

/** For display: 4 decimals, half away from zero (decimal.js's ROUND_HALF_UP). */
function round4(value: string): string {
  return new Decimal(value).toFixed(4, Decimal.ROUND_HALF_UP);
}
