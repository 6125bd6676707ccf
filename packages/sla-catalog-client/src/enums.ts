/** SLA template registries: Business, Software and Infrastructure SLA managers. @public */
export const REGISTRIES = ["BSLAM", "SSLAM", "ISLAM"] as const;
/** A template registry. @public */
export type Registry = (typeof REGISTRIES)[number];

/** Price types and billing periods (SLA@SOI `business#…`, plus Contrail's `per_hour`). @public */
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
/** A fee's period or type. @public */
export type Period = (typeof PERIODS)[number];

/** Fee datatypes (`coremodel/units#…`): the seed lists vm, integer, MHz and MB; its variable-fee example uses GB. @public */
export const DATATYPES = ["vm", "integer", "MHz", "MB", "GB"] as const;
/** A fee datatype. @public */
export type Datatype = (typeof DATATYPES)[number];

/** Comparators (`coremodel#…`) of variable-fee conditions and guarantee operators. @public */
export const COMPARATORS = [
  "less_than",
  "less_than_or_equals",
  "equals",
  "not_equals",
  "greater_than",
  "greater_than_or_equals",
] as const;
/** A comparator. @public */
export type Comparator = (typeof COMPARATORS)[number];

/** The party states the service knows; kept open on reads (`string & {}`) for states added later. @public */
export type PartyStatus = "PENDING" | "APPROVED" | (string & {});
