/**
 * @packageDocumentation
 * `@meterkit/sla-catalog-client`: a typed client of the SLA catalog service behind the SLA@SOI provider
 * tools. The `sla-catalog` CLI that reproduces those tools is the `./cli` subpath.
 */
export type { CatalogClient, CatalogClientOptions, CatalogContext } from "./client.js";
export { createCatalogClient, createCatalogContext } from "./client.js";
export type { Comparator, Datatype, PartyStatus, Period, Registry } from "./enums.js";
export { COMPARATORS, DATATYPES, PERIODS, REGISTRIES } from "./enums.js";
export type { Problem, ProblemFieldError } from "./errors.js";
export { CatalogError, isCatalogError } from "./errors.js";
export {
  createCompoundFee,
  createFixedFee,
  createVariableFee,
  deleteCompoundFee,
  deleteFixedFee,
  deleteVariableFee,
} from "./operations/fees.js";
export type { GuaranteeListQuery } from "./operations/guarantees.js";
export { createGuarantee, deleteGuarantee, getGuarantee, listGuarantees } from "./operations/guarantees.js";
export type { OfferListQuery } from "./operations/offers.js";
export { createOffer, deleteOffer, getOffer, listOffers } from "./operations/offers.js";
export type { PartyListQuery } from "./operations/parties.js";
export { approveParty, createParty, deleteParty, getParty, listParties } from "./operations/parties.js";
export {
  addPricedItemGuarantee,
  clearPricedItemPrice,
  getPricedItem,
  removePricedItemGuarantee,
  setPricedItemPrice,
} from "./operations/priced-items.js";
export type { PriceListQuery } from "./operations/prices.js";
export { getPrice, listPrices } from "./operations/prices.js";
export type { ProductListQuery } from "./operations/products.js";
export { createProduct, deleteProduct, getProduct, listProducts } from "./operations/products.js";
export type { TemplateKey, TemplateListQuery } from "./operations/templates.js";
export { createTemplate, deleteTemplate, getTemplate, listTemplates } from "./operations/templates.js";
export {
  createUnitResource,
  deleteUnitResource,
  getUnitResource,
  listUnitResources,
} from "./operations/unit-resources.js";
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
