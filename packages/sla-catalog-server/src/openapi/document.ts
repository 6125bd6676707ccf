import type { z } from "zod";
import type { TableSpec } from "../model/table.js";
import {
  COMPOUND_FEES,
  CompoundFeeCreate,
  FIXED_FEES,
  FixedFeeCreate,
  PRICES,
  VARIABLE_FEES,
  VariableFeeCreate,
} from "../resources/fees.js";
import { GUARANTEES, GuaranteeCreate } from "../resources/guarantees.js";
import { OFFERS, OfferCreate } from "../resources/offers.js";
import { Approval, PARTIES, PartyCreate } from "../resources/parties.js";
import { PRODUCTS, ProductCreate } from "../resources/products.js";
import { TEMPLATES, TemplateCreate } from "../resources/templates.js";
import { PriceLink, UNIT_RESOURCES, UnitResourceCreate } from "../resources/unit-resources.js";
import type { JsonSchema } from "./schemas.js";

const ids = { type: "array", items: { type: "integer" } };

/** @internal Component schemas: one per representation the service answers with. */
export const SCHEMAS: Readonly<Record<string, readonly [TableSpec, Record<string, JsonSchema>?]>> = {
  Party: [PARTIES],
  Product: [PRODUCTS],
  SlaTemplate: [TEMPLATES],
  ProductOffer: [OFFERS],
  UnitResource: [UNIT_RESOURCES, { guaranteeIds: ids }],
  // Compound fees list their members; other kinds do not carry the two fields.
  Price: [PRICES],
  FixedFee: [FIXED_FEES],
  VariableFee: [VARIABLE_FEES],
  CompoundFee: [COMPOUND_FEES, { fixedFeeIds: ids, variableFeeIds: ids }],
  Guarantee: [GUARANTEES],
};

/** What each route takes and answers, by `METHOD pattern`; the tests prove it covers `ROUTES` exactly. */
interface OperationSpec {
  readonly summary: string;
  readonly tool?: string;
  readonly body?: z.ZodType;
  readonly ok: 200 | 201 | 204;
  /** The component schema answered (an array of it for list routes). */
  readonly schema?: string;
  readonly list?: boolean;
}

const crud = (
  path: string,
  schema: string,
  noun: string,
  tools: { create?: [string, z.ZodType]; list?: string; get?: string; delete?: string },
): Record<string, OperationSpec> => ({
  ...(tools.create
    ? {
        [`POST /${path}`]: {
          summary: `Create a ${noun}`,
          tool: tools.create[0],
          body: tools.create[1],
          ok: 201,
          schema,
        },
      }
    : {}),
  [`GET /${path}`]: {
    summary: `List ${noun}s`,
    ...(tools.list ? { tool: tools.list } : {}),
    ok: 200,
    schema,
    list: true,
  },
  [`GET /${path}/:id`]: {
    summary: `Get one ${noun}`,
    ...(tools.get ? { tool: tools.get } : {}),
    ok: 200,
    schema,
  },
  [`DELETE /${path}/:id`]: {
    summary: `Delete a ${noun} (409 while something references it)`,
    ...(tools.delete ? { tool: tools.delete } : {}),
    ok: 204,
  },
});

/** @internal */
export const OPERATIONS: Readonly<Record<string, OperationSpec>> = {
  ...crud("parties", "Party", "party", { create: ["AddParty", PartyCreate] }),
  "POST /parties/:id/approval": {
    summary: "Approve a PENDING party",
    tool: "ApproveParty",
    body: Approval,
    ok: 200,
    schema: "Party",
  },
  ...crud("products", "Product", "product", {
    create: ["AddProduct", ProductCreate],
    list: "GetProductList",
    delete: "DeleteProduct",
  }),
  "POST /templates": {
    summary: "Add an SLA template",
    tool: "AddTemplate",
    body: TemplateCreate,
    ok: 201,
    schema: "SlaTemplate",
  },
  "GET /templates": {
    summary: "List SLA templates",
    tool: "GetTemplateList",
    ok: 200,
    schema: "SlaTemplate",
    list: true,
  },
  "GET /templates/:registry/:id": {
    summary: "Get one SLA template",
    tool: "GetTemplate",
    ok: 200,
    schema: "SlaTemplate",
  },
  "DELETE /templates/:registry/:id": { summary: "Delete an SLA template (409 while referenced)", ok: 204 },
  ...crud("product-offers", "ProductOffer", "product offer", { create: ["AddProductOffer", OfferCreate] }),
  ...crud("unit-resources", "UnitResource", "unit resource", {
    create: ["AddUnitResource", UnitResourceCreate],
  }),
  "GET /priced-items/:id": {
    summary: "Get a priced item (a unit resource)",
    ok: 200,
    schema: "UnitResource",
  },
  "PUT /priced-items/:id/price": {
    summary: "Associate a price",
    tool: "AssociatePrice",
    body: PriceLink,
    ok: 200,
    schema: "UnitResource",
  },
  "DELETE /priced-items/:id/price": { summary: "Remove the price of a priced item", ok: 204 },
  "PUT /priced-items/:id/guarantees/:guaranteeId": {
    summary: "Associate a guarantee",
    tool: "AssociateGuarantee",
    ok: 200,
    schema: "UnitResource",
  },
  "DELETE /priced-items/:id/guarantees/:guaranteeId": { summary: "Remove a guarantee link", ok: 204 },
  ...crud("fixed-fees", "FixedFee", "fixed fee", { create: ["AddFixedFee", FixedFeeCreate] }),
  ...crud("variable-fees", "VariableFee", "variable fee", { create: ["AddVariableFee", VariableFeeCreate] }),
  ...crud("compound-fees", "CompoundFee", "compound fee", { create: ["AddCompoundFee", CompoundFeeCreate] }),
  ...crud("prices", "Price", "price", {}),
  ...crud("guarantees", "Guarantee", "guarantee", { create: ["AddGuarantee", GuaranteeCreate] }),
};
