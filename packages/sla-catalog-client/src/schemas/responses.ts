import { buildOnce, lazySchema, type Schema } from "@meterkit/core";
import { z } from "zod";
import type {
  CompoundFee,
  FixedFee,
  Guarantee,
  Party,
  Price,
  Product,
  ProductOffer,
  SlaTemplate,
  UnitResource,
  VariableFee,
} from "../types.js";

// Response shapes, checked when they arrive (a mismatch throws core's ResponseValidationError). Objects are
// not strict, so a newer service may add fields; enumerations are read as plain strings for the same reason.
// Each is built on its first use, not by the import (lazySchema): a command reads one or two of them.
const str = () => z.string();
const opt = <T extends z.ZodType>(schema: T) => schema.nullable();

// The shapes are built by their first use (core's buildOnce) rather than as lazySchema proxies, so that a
// page checks each of its rows with the shape itself.
const PartyShape = buildOnce(() =>
  z.looseObject({
    id: z.number(),
    name: opt(str()),
    status: str(),
    balance: opt(str()),
    creditLimit: opt(str()),
    createdAt: str(),
    approvedAt: opt(str()),
  }),
);
const ProductShape = buildOnce(() =>
  z.looseObject({
    id: z.number(),
    partyId: z.number(),
    name: str(),
    description: opt(str()),
    brand: opt(str()),
    category: opt(str()),
    insertedAt: str(),
    validFrom: str(),
    validTo: str(),
    maxPrice: opt(str()),
    maxPenaltyTermination: opt(str()),
    maxPenaltyMpc: opt(str()),
    maxPenaltyRemoval: opt(str()),
    negotiationType: str(),
    release: str(),
    status: str(),
    unsuccessfulRounds: opt(z.number()),
  }),
);
const TemplateShape = buildOnce(() =>
  z.looseObject({
    id: str(),
    registry: str(),
    description: opt(str()),
    providerId: opt(z.number()),
    registerName: opt(str()),
    modelVersion: opt(str()),
    content: str(),
    createdAt: str(),
  }),
);
const OfferShape = buildOnce(() =>
  z.looseObject({
    id: z.number(),
    productId: z.number(),
    partyId: z.number(),
    templateId: str(),
    templateRegistry: str(),
    billingFrequencyId: z.number(),
    revision: str(),
    status: str(),
    validFrom: str(),
    validTo: str(),
  }),
);
const UnitResourceShape = buildOnce(() =>
  z.looseObject({
    id: z.number(),
    name: str(),
    type: str(),
    ovfReservation: z.boolean(),
    priceId: opt(z.number()),
    guaranteeIds: z.array(z.number()),
  }),
);
const PriceShape = buildOnce(() =>
  z.looseObject({
    id: z.number(),
    kind: z.enum(["fixed", "variable", "compound"]),
    currency: str(),
    validFrom: str(),
    validUntil: str(),
    period: str(),
  }),
);
const GuaranteeShape = buildOnce(() =>
  z.looseObject({
    id: z.number(),
    name: str(),
    description: str(),
    type: str(),
    percentage: str(),
  }),
);

/** One response row and a page of them, typed as the rows `types.ts` documents. */
interface ResponseSchemas<T> {
  readonly one: Schema<T>;
  readonly page: Schema<T[]>;
}

// The shapes check the fields callers rely on; the declared row types (types.ts) document the rest, which
// the service always sends. Stating the row type here is the one place the two are tied together. Both
// schemas are built on first use; a page's items are the shape itself (one object, shared with `one`).
function rows<T>(shape: () => z.ZodType): ResponseSchemas<T> {
  return {
    one: lazySchema(shape) as Schema<T>,
    page: lazySchema(() => z.array(shape())) as Schema<T[]>,
  };
}

/** @internal */
export const PARTY = rows<Party>(PartyShape);
/** @internal */
export const PRODUCT = rows<Product>(ProductShape);
/** @internal */
export const TEMPLATE = rows<SlaTemplate>(TemplateShape);
/** @internal */
export const OFFER = rows<ProductOffer>(OfferShape);
/** @internal */
export const UNIT_RESOURCE = rows<UnitResource>(UnitResourceShape);
/** @internal */
export const PRICE = rows<Price>(PriceShape);
/** @internal */
export const GUARANTEE = rows<Guarantee>(GuaranteeShape);
/** @internal */
export const FIXED_FEE = rows<FixedFee>(PriceShape);
/** @internal */
export const VARIABLE_FEE = rows<VariableFee>(PriceShape);
/** @internal */
export const COMPOUND_FEE = rows<CompoundFee>(PriceShape);
