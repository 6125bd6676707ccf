import type { CallOptions, HttpClient, Paginated } from "@meterkit/core";
import { check, list, send } from "../request.js";
import { id } from "../schemas/fields.js";
import {
  type AssociateGuaranteeInput,
  AssociateGuaranteeSchema,
  type AssociatePriceInput,
  AssociatePriceSchema,
  type CompoundFeeCreate,
  CompoundFeeCreateSchema,
  type FixedFeeCreate,
  FixedFeeCreateSchema,
  type GuaranteeCreate,
  GuaranteeCreateSchema,
  type UnitResourceCreate,
  UnitResourceCreateSchema,
  type VariableFeeCreate,
  VariableFeeCreateSchema,
} from "../schemas/pricing.js";
import type {
  CompoundFee,
  FixedFee,
  Guarantee,
  Price,
  PricedItem,
  UnitResource,
  VariableFee,
} from "../types.js";

const Id = id();

/** Unit resources (priced items), fees, guarantees and their associations. @internal */
export function pricingOperations(http: HttpClient) {
  const one = async <T>(
    method: "GET" | "DELETE",
    collection: string,
    field: string,
    value: number,
    options?: CallOptions,
  ) =>
    send<T>(
      http,
      { method, path: `/${collection}/{id}`, pathParams: { id: check<number>(Id, value, field) } },
      options,
    );
  const add = async <T>(
    collection: string,
    schema: { safeParse(input: unknown): unknown },
    input: unknown,
    options?: CallOptions,
  ) => send<T>(http, { method: "POST", path: `/${collection}`, body: check(schema, input) }, options);
  return {
    /** AddUnitResource. */
    addUnitResource: async (input: UnitResourceCreate, options?: CallOptions) =>
      add<UnitResource>("unit-resources", UnitResourceCreateSchema, input, options),
    getUnitResource: async (unitResourceId: number, options?: CallOptions) =>
      one<UnitResource>("GET", "unit-resources", "unitResourceId", unitResourceId, options),
    listUnitResources: (options?: CallOptions): Paginated<UnitResource> =>
      list<UnitResource>(http, "/unit-resources", {}, options),
    /** DeleteUnitResource; its price and guarantee links go with it. */
    deleteUnitResource: async (unitResourceId: number, options?: CallOptions) =>
      one<void>("DELETE", "unit-resources", "unitResourceId", unitResourceId, options),

    /** AddFixedFee. */
    addFixedFee: async (input: FixedFeeCreate, options?: CallOptions) =>
      add<FixedFee>("fixed-fees", FixedFeeCreateSchema, input, options),
    /** AddVariableFee. */
    addVariableFee: async (input: VariableFeeCreate, options?: CallOptions) =>
      add<VariableFee>("variable-fees", VariableFeeCreateSchema, input, options),
    /** AddCompoundFee. */
    addCompoundFee: async (input: CompoundFeeCreate, options?: CallOptions) =>
      add<CompoundFee>("compound-fees", CompoundFeeCreateSchema, input, options),
    /** Any fee by its price id. */
    getPrice: async (priceId: number, options?: CallOptions) =>
      one<Price>("GET", "prices", "priceId", priceId, options),
    listPrices: (query: { kind?: Price["kind"] } = {}, options?: CallOptions): Paginated<Price> =>
      list<Price>(http, "/prices", { ...query }, options),
    deleteFixedFee: async (feeId: number, options?: CallOptions) =>
      one<void>("DELETE", "fixed-fees", "feeId", feeId, options),
    deleteVariableFee: async (feeId: number, options?: CallOptions) =>
      one<void>("DELETE", "variable-fees", "feeId", feeId, options),
    deleteCompoundFee: async (feeId: number, options?: CallOptions) =>
      one<void>("DELETE", "compound-fees", "feeId", feeId, options),

    /** AddGuarantee. */
    addGuarantee: async (input: GuaranteeCreate, options?: CallOptions) =>
      add<Guarantee>("guarantees", GuaranteeCreateSchema, input, options),
    getGuarantee: async (guaranteeId: number, options?: CallOptions) =>
      one<Guarantee>("GET", "guarantees", "guaranteeId", guaranteeId, options),
    listGuarantees: (query: { type?: string } = {}, options?: CallOptions): Paginated<Guarantee> =>
      list<Guarantee>(http, "/guarantees", { ...query }, options),
    deleteGuarantee: async (guaranteeId: number, options?: CallOptions) =>
      one<void>("DELETE", "guarantees", "guaranteeId", guaranteeId, options),

    getPricedItem: async (pricedItemId: number, options?: CallOptions) =>
      one<PricedItem>("GET", "priced-items", "pricedItemId", pricedItemId, options),
    /** AssociatePrice: sets (or replaces) the priced item's price. */
    associatePrice: async (input: AssociatePriceInput, options?: CallOptions) => {
      const { pricedItemId, priceId } = check<{ pricedItemId: number; priceId: number }>(
        AssociatePriceSchema,
        input,
      );
      return send<PricedItem>(
        http,
        {
          method: "PUT",
          path: "/priced-items/{id}/price",
          pathParams: { id: pricedItemId },
          body: { priceId },
        },
        options,
      );
    },
    dissociatePrice: async (pricedItemId: number, options?: CallOptions) =>
      send<void>(
        http,
        {
          method: "DELETE",
          path: "/priced-items/{id}/price",
          pathParams: { id: check<number>(Id, pricedItemId, "pricedItemId") },
        },
        options,
      ),
    /** AssociateGuarantee: adds the guarantee to the priced item (idempotent). */
    associateGuarantee: async (input: AssociateGuaranteeInput, options?: CallOptions) => {
      const { pricedItemId, guaranteeId } = check<{ pricedItemId: number; guaranteeId: number }>(
        AssociateGuaranteeSchema,
        input,
      );
      return send<PricedItem>(
        http,
        {
          method: "PUT",
          path: "/priced-items/{id}/guarantees/{g}",
          pathParams: { id: pricedItemId, g: guaranteeId },
        },
        options,
      );
    },
    dissociateGuarantee: async (input: AssociateGuaranteeInput, options?: CallOptions) => {
      const { pricedItemId, guaranteeId } = check<{ pricedItemId: number; guaranteeId: number }>(
        AssociateGuaranteeSchema,
        input,
      );
      return send<void>(
        http,
        {
          method: "DELETE",
          path: "/priced-items/{id}/guarantees/{g}",
          pathParams: { id: pricedItemId, g: guaranteeId },
        },
        options,
      );
    },
  };
}
