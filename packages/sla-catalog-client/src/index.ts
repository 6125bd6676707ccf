/**
 * @packageDocumentation
 * `@meterkit/sla-catalog-client`: a typed client of the SLA catalog service behind the SLA@SOI provider
 * tools, and the `sla-catalog` CLI that reproduces those tools.
 */
export type { CliIo } from "./cli/run.js";
export { EXIT, main } from "./cli/run.js";
export type { CatalogClient, CatalogClientOptions } from "./client.js";
export { createCatalogClient } from "./client.js";
export type { Comparator, Datatype, PartyStatus, Period, Registry } from "./enums.js";
export { COMPARATORS, DATATYPES, PERIODS, REGISTRIES } from "./enums.js";
export type { Problem, ProblemFieldError } from "./errors.js";
export { CatalogError, isCatalogError } from "./errors.js";
export type { TemplateListQuery } from "./operations/catalog.js";
export type {
  ApprovePartyInput,
  PartyCreate,
  ProductCreate,
  ProductOfferCreate,
  TemplateCreate,
} from "./schemas/catalog.js";
export {
  ApprovePartySchema,
  PartyCreateSchema,
  ProductCreateSchema,
  ProductOfferCreateSchema,
  TemplateCreateSchema,
} from "./schemas/catalog.js";
export type {
  AssociateGuaranteeInput,
  AssociatePriceInput,
  CompoundFeeCreate,
  FixedFeeCreate,
  GuaranteeCreate,
  UnitResourceCreate,
  VariableFeeCreate,
} from "./schemas/pricing.js";
export {
  AssociateGuaranteeSchema,
  AssociatePriceSchema,
  CompoundFeeCreateSchema,
  FixedFeeCreateSchema,
  GuaranteeCreateSchema,
  UnitResourceCreateSchema,
  VariableFeeCreateSchema,
} from "./schemas/pricing.js";
export type {
  CompoundFee,
  FixedFee,
  Guarantee,
  Party,
  Price,
  PricedItem,
  Product,
  ProductOffer,
  SlaTemplate,
  UnitResource,
  VariableFee,
} from "./types.js";
