import { type CallOptions, collect, type HttpClient, type Paginated } from "@meterkit/core";
import { z } from "zod";
import { REGISTRIES, type Registry } from "../enums.js";
import { check, list, send } from "../request.js";
import {
  type ApprovePartyInput,
  ApprovePartySchema,
  type PartyCreate,
  PartyCreateSchema,
  type ProductCreate,
  ProductCreateSchema,
  type ProductOfferCreate,
  ProductOfferCreateSchema,
  type TemplateCreate,
  TemplateCreateSchema,
} from "../schemas/catalog.js";
import { id, text } from "../schemas/fields.js";
import type { Party, Product, ProductOffer, SlaTemplate } from "../types.js";

const Id = id();
const TemplateKey = z.strictObject({ templateId: text(), registry: z.enum(REGISTRIES).optional() });
const TemplateListQuery = z.strictObject({
  productId: id().optional(),
  registry: z.enum(REGISTRIES).optional(),
  providerId: id().optional(),
});

/** Query of `listTemplates` / `getTemplateList`. @public */
export type TemplateListQuery = z.input<typeof TemplateListQuery>;

/** Products, templates, offers and parties. @internal */
export function catalogOperations(http: HttpClient) {
  const byId = (field: string, value: number) => ({ id: check<number>(Id, value, field) });
  return {
    /** AddProduct. */
    addProduct: async (input: ProductCreate, options?: CallOptions) =>
      send<Product>(
        http,
        { method: "POST", path: "/products", body: check(ProductCreateSchema, input) },
        options,
      ),
    getProduct: async (productId: number, options?: CallOptions) =>
      send<Product>(
        http,
        { method: "GET", path: "/products/{id}", pathParams: byId("productId", productId) },
        options,
      ),
    /** Every product, page by page. */
    listProducts: (
      query: { status?: string; partyId?: number; category?: string } = {},
      options?: CallOptions,
    ): Paginated<Product> => list<Product>(http, "/products", { ...query }, options),
    /** GetProductList: every product. */
    getProductList: async (options?: CallOptions) => collect(list<Product>(http, "/products", {}, options)),
    deleteProduct: async (productId: number, options?: CallOptions) =>
      send<void>(
        http,
        { method: "DELETE", path: "/products/{id}", pathParams: byId("productId", productId) },
        options,
      ),

    /** AddTemplate: the id is the document's `<UUID>`. */
    addTemplate: async (input: TemplateCreate, options?: CallOptions) =>
      send<SlaTemplate>(
        http,
        { method: "POST", path: "/templates", body: check(TemplateCreateSchema, input) },
        options,
      ),
    /** GetTemplate: in `registry` (default BSLAM). */
    getTemplate: async (templateId: string, registry: Registry = "BSLAM", options?: CallOptions) => {
      const key = check<{ templateId: string; registry: Registry }>(TemplateKey, { templateId, registry });
      return send<SlaTemplate>(
        http,
        {
          method: "GET",
          path: "/templates/{registry}/{id}",
          pathParams: { registry: key.registry, id: key.templateId },
        },
        options,
      );
    },
    listTemplates: (query: TemplateListQuery = {}, options?: CallOptions): Paginated<SlaTemplate> =>
      list<SlaTemplate>(http, "/templates", { ...check<object>(TemplateListQuery, query) }, options),
    /** GetTemplateList: the templates of a product's offers in a registry (default BSLAM). */
    getTemplateList: async (query: TemplateListQuery = {}, options?: CallOptions) =>
      collect(
        list<SlaTemplate>(
          http,
          "/templates",
          { registry: "BSLAM", ...check<object>(TemplateListQuery, query) },
          options,
        ),
      ),
    deleteTemplate: async (templateId: string, registry: Registry = "BSLAM", options?: CallOptions) => {
      const key = check<{ templateId: string; registry: Registry }>(TemplateKey, { templateId, registry });
      return send<void>(
        http,
        {
          method: "DELETE",
          path: "/templates/{registry}/{id}",
          pathParams: { registry: key.registry, id: key.templateId },
        },
        options,
      );
    },

    /** AddProductOffer. */
    addProductOffer: async (input: ProductOfferCreate, options?: CallOptions) =>
      send<ProductOffer>(
        http,
        { method: "POST", path: "/product-offers", body: check(ProductOfferCreateSchema, input) },
        options,
      ),
    getProductOffer: async (offerId: number, options?: CallOptions) =>
      send<ProductOffer>(
        http,
        { method: "GET", path: "/product-offers/{id}", pathParams: byId("offerId", offerId) },
        options,
      ),
    listProductOffers: (
      query: { productId?: number; partyId?: number } = {},
      options?: CallOptions,
    ): Paginated<ProductOffer> => list<ProductOffer>(http, "/product-offers", { ...query }, options),
    deleteProductOffer: async (offerId: number, options?: CallOptions) =>
      send<void>(
        http,
        { method: "DELETE", path: "/product-offers/{id}", pathParams: byId("offerId", offerId) },
        options,
      ),

    /** Registers a PENDING party (customer registration stands outside the provider tools). */
    createParty: async (input: PartyCreate = {}, options?: CallOptions) =>
      send<Party>(http, { method: "POST", path: "/parties", body: check(PartyCreateSchema, input) }, options),
    getParty: async (partyId: number, options?: CallOptions) =>
      send<Party>(
        http,
        { method: "GET", path: "/parties/{id}", pathParams: byId("partyId", partyId) },
        options,
      ),
    listParties: (query: { status?: string } = {}, options?: CallOptions): Paginated<Party> =>
      list<Party>(http, "/parties", { ...query }, options),
    /** ApproveParty: PENDING → APPROVED with balance and credit limit (409 `invalid_state` otherwise). */
    approveParty: async (input: ApprovePartyInput, options?: CallOptions) => {
      const { partyId, ...body } = check<{ partyId: number; balance: string; creditLimit: string }>(
        ApprovePartySchema,
        input,
      );
      return send<Party>(
        http,
        { method: "POST", path: "/parties/{id}/approval", pathParams: { id: partyId }, body },
        options,
      );
    },
    deleteParty: async (partyId: number, options?: CallOptions) =>
      send<void>(
        http,
        { method: "DELETE", path: "/parties/{id}", pathParams: byId("partyId", partyId) },
        options,
      ),
  };
}
