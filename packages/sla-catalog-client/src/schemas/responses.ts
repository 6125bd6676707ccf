import { z } from "zod";

// Response shapes, checked when they arrive (a mismatch throws core's ResponseValidationError). Objects are
// not strict, so a newer service may add fields; enumerations are read as plain strings for the same reason.
const str = z.string();
const opt = <T extends z.ZodType>(schema: T) => schema.nullable();

/** @internal */
export const PartyResponse = z.looseObject({
  id: z.number(),
  name: opt(str),
  status: str,
  balance: opt(str),
  creditLimit: opt(str),
  createdAt: str,
  approvedAt: opt(str),
});
/** @internal */
export const ProductResponse = z.looseObject({
  id: z.number(),
  partyId: z.number(),
  name: str,
  description: opt(str),
  brand: opt(str),
  category: opt(str),
  insertedAt: str,
  validFrom: str,
  validTo: str,
  maxPrice: opt(str),
  maxPenaltyTermination: opt(str),
  maxPenaltyMpc: opt(str),
  maxPenaltyRemoval: opt(str),
  negotiationType: str,
  release: str,
  status: str,
  unsuccessfulRounds: opt(z.number()),
});
/** @internal */
export const TemplateResponse = z.looseObject({
  id: str,
  registry: str,
  description: opt(str),
  providerId: opt(z.number()),
  registerName: opt(str),
  modelVersion: opt(str),
  content: str,
  createdAt: str,
});
/** @internal */
export const OfferResponse = z.looseObject({
  id: z.number(),
  productId: z.number(),
  partyId: z.number(),
  templateId: str,
  templateRegistry: str,
  billingFrequencyId: z.number(),
  revision: str,
  status: str,
  validFrom: str,
  validTo: str,
});
/** @internal */
export const UnitResourceResponse = z.looseObject({
  id: z.number(),
  name: str,
  type: str,
  ovfReservation: z.boolean(),
  priceId: opt(z.number()),
  guaranteeIds: z.array(z.number()),
});
/** @internal */
export const PriceResponse = z.looseObject({
  id: z.number(),
  kind: z.enum(["fixed", "variable", "compound"]),
  currency: str,
  validFrom: str,
  validUntil: str,
  period: str,
});
/** @internal */
export const GuaranteeResponse = z.looseObject({
  id: z.number(),
  name: str,
  description: str,
  type: str,
  percentage: str,
});
