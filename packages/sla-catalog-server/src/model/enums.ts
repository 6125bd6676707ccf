/** SLA template registries: Business, Software and Infrastructure SLA managers. */
export const REGISTRIES = ["BSLAM", "SSLAM", "ISLAM"] as const;
/** Price types and billing periods (SLA@SOI `business#…` plus Contrail's `per_hour`). */
export const PERIODS = [
  "one_time_charge",
  "per_request",
  "per_hour",
  "per_day",
  "per_week",
  "per_month",
  "per_year",
  "tariff_usage",
  "plain_tariff",
] as const;
/** Fee datatypes (`coremodel/units#…`): the seed lists vm, integer, MHz, MB; its variable-fee example uses GB. */
export const DATATYPES = ["vm", "integer", "MHz", "MB", "GB"] as const;
/** Comparators (`coremodel#…`) for variable-fee conditions and guarantee operators. */
export const COMPARATORS = [
  "less_than",
  "less_than_or_equals",
  "equals",
  "not_equals",
  "greater_than",
  "greater_than_or_equals",
] as const;
/** Party states: created PENDING, moved to APPROVED by ApproveParty. */
export const PARTY_STATES = ["PENDING", "APPROVED"] as const;
