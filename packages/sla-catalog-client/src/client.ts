import {
  type BoundOperations,
  bindOperations,
  type ClientOptions,
  type ClientSpec,
  createClientHttp,
  type HttpClient,
} from "@meterkit/core";
import { mapCatalogError } from "./errors.js";
import { PACKAGE } from "./input.js";
import {
  createCompoundFee,
  createFixedFee,
  createVariableFee,
  deleteCompoundFee,
  deleteFixedFee,
  deleteVariableFee,
} from "./operations/fees.js";
import { createGuarantee, deleteGuarantee, getGuarantee, listGuarantees } from "./operations/guarantees.js";
import { createOffer, deleteOffer, getOffer, listOffers } from "./operations/offers.js";
import { approveParty, createParty, deleteParty, getParty, listParties } from "./operations/parties.js";
import {
  addPricedItemGuarantee,
  clearPricedItemPrice,
  getPricedItem,
  removePricedItemGuarantee,
  setPricedItemPrice,
} from "./operations/priced-items.js";
import { getPrice, listPrices } from "./operations/prices.js";
import { createProduct, deleteProduct, getProduct, listProducts } from "./operations/products.js";
import { createTemplate, deleteTemplate, getTemplate, listTemplates } from "./operations/templates.js";
import {
  createUnitResource,
  deleteUnitResource,
  getUnitResource,
  listUnitResources,
} from "./operations/unit-resources.js";

/** What this client declares about the SLA catalog service. */
const SPEC: ClientSpec = {
  packageName: PACKAGE,
  userAgent: "meterkit-sla-catalog-client",
  // The service does not check a token yet; a gateway in front of it (and later the service) reads a bearer.
  token: { header: "authorization", scheme: "Bearer" },
  catalog: { type: "sla-catalog" },
  mapError: mapCatalogError,
};

/**
 * Options of {@link createCatalogClient}: core's common client options. `baseUrl` ends in `/sla-catalog/v1`;
 * `token` is sent as `Authorization: Bearer <token>`.
 * @public
 */
export interface CatalogClientOptions extends ClientOptions {}

/** What every catalog operation runs with. @public */
export interface CatalogContext {
  /** The client's HTTP client (base URL, auth, retries, error mapping). */
  readonly http: HttpClient;
}

/**
 * The context of the standalone operations (`getProduct(context, { productId })`…), for callers who import
 * only what they use.
 * @public
 */
export function createCatalogContext(options: CatalogClientOptions | HttpClient): CatalogContext {
  return { http: createClientHttp(SPEC, options) };
}

/** Every operation of the client, by resource. */
const OPERATIONS = {
  products: {
    /** Adds a product (AddProduct). */
    create: createProduct,
    /** One product by `productId`. */
    get: getProduct,
    /** The products, page by page (GetProductList). */
    list: listProducts,
    /** Deletes a product (DeleteProduct). */
    delete: deleteProduct,
  },
  templates: {
    /** Adds an SLA template (AddTemplate). */
    create: createTemplate,
    /** One template by `templateId` and `registry` (GetTemplate). */
    get: getTemplate,
    /** The templates matching a query, page by page (GetTemplateList). */
    list: listTemplates,
    /** Deletes a template (DeleteTemplate). */
    delete: deleteTemplate,
  },
  offers: {
    /** Adds a product offer (AddProductOffer). */
    create: createOffer,
    /** One offer by `offerId`. */
    get: getOffer,
    /** The offers, page by page. */
    list: listOffers,
    /** Deletes an offer (DeleteProductOffer). */
    delete: deleteOffer,
  },
  parties: {
    /** Registers a PENDING party. */
    create: createParty,
    /** One party by `partyId`. */
    get: getParty,
    /** The parties, page by page. */
    list: listParties,
    /** PENDING → APPROVED with balance and credit limit (ApproveParty). */
    approve: approveParty,
    /** Deletes a party (DeleteParty). */
    delete: deleteParty,
  },
  unitResources: {
    /** Adds a unit resource (AddUnitResource). */
    create: createUnitResource,
    /** One unit resource by `unitResourceId`. */
    get: getUnitResource,
    /** The unit resources, page by page. */
    list: listUnitResources,
    /** Deletes a unit resource (DeleteUnitResource). */
    delete: deleteUnitResource,
  },
  fixedFees: {
    /** Adds a fixed fee (AddFixedFee). */
    create: createFixedFee,
    /** Deletes a fixed fee (DeleteFixedFee). */
    delete: deleteFixedFee,
  },
  variableFees: {
    /** Adds a variable fee (AddVariableFee). */
    create: createVariableFee,
    /** Deletes a variable fee (DeleteVariableFee). */
    delete: deleteVariableFee,
  },
  compoundFees: {
    /** Adds a compound fee (AddCompoundFee). */
    create: createCompoundFee,
    /** Deletes a compound fee (DeleteCompoundFee). */
    delete: deleteCompoundFee,
  },
  prices: {
    /** Any fee by `priceId`. */
    get: getPrice,
    /** Every fee (or those of one `kind`), page by page. */
    list: listPrices,
  },
  guarantees: {
    /** Adds a guarantee (AddGuarantee). */
    create: createGuarantee,
    /** One guarantee by `guaranteeId`. */
    get: getGuarantee,
    /** The guarantees, page by page. */
    list: listGuarantees,
    /** Deletes a guarantee (DeleteGuarantee). */
    delete: deleteGuarantee,
  },
  pricedItems: {
    /** One priced item by `pricedItemId`. */
    get: getPricedItem,
    /** Sets or replaces the item's price (AssociatePrice). */
    setPrice: setPricedItemPrice,
    /** Removes the item's price. */
    clearPrice: clearPricedItemPrice,
    /** Adds a guarantee to the item (AssociateGuarantee). */
    addGuarantee: addPricedItemGuarantee,
    /** Removes a guarantee from the item. */
    removeGuarantee: removePricedItemGuarantee,
  },
} as const;

/** The catalog client: its context and every operation as `client.<resource>.<verb>(input, options)`. @public */
export type CatalogClient = CatalogContext & BoundOperations<CatalogContext, typeof OPERATIONS>;

/**
 * Creates a client of the SLA catalog service. Inputs are validated before sending (`InvalidInputError`
 * naming the field); refusals throw `CatalogError` with the problem details.
 * @example
 * ```ts
 * const catalog = createCatalogClient({ baseUrl: "http://localhost:8080/sla-catalog/v1" });
 * const product = await catalog.products.create({ partyId: 465, name: "Small VM" });
 * ```
 * @public
 */
export function createCatalogClient(options: CatalogClientOptions | HttpClient): CatalogClient {
  const context = createCatalogContext(options);
  return { ...context, ...bindOperations(context, OPERATIONS) };
}
