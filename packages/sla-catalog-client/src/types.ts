import type { Comparator, Datatype, PartyStatus, Period, Registry } from "./enums.js";

// What the service answers. Every field is present; unset optional values are null. Amounts are decimal
// strings and dates `YYYY-MM-DD`.

/** A party (customer or provider). @public */
export interface Party {
  id: number;
  name: string | null;
  status: PartyStatus;
  balance: string | null;
  creditLimit: string | null;
  createdAt: string;
  approvedAt: string | null;
}

/** A product. @public */
export interface Product {
  id: number;
  partyId: number;
  name: string;
  description: string | null;
  brand: string | null;
  category: string | null;
  insertedAt: string;
  validFrom: string;
  validTo: string;
  maxPrice: string | null;
  maxPenaltyTermination: string | null;
  maxPenaltyMpc: string | null;
  maxPenaltyRemoval: string | null;
  negotiationType: string;
  release: string;
  status: string;
  unsuccessfulRounds: number | null;
}

/** An SLA template; `content` is the SLA@SOI XML as stored. @public */
export interface SlaTemplate {
  id: string;
  registry: Registry;
  description: string | null;
  providerId: number | null;
  registerName: string | null;
  modelVersion: string | null;
  content: string;
  createdAt: string;
}

/** A product offer. @public */
export interface ProductOffer {
  id: number;
  productId: number;
  partyId: number;
  templateId: string;
  templateRegistry: Registry;
  name: string | null;
  description: string | null;
  billingFrequencyId: number;
  revision: string;
  status: string;
  insertedAt: string;
  validFrom: string;
  validTo: string;
}

/** A unit resource, which is also a priced item (one price, many guarantees). @public */
export interface UnitResource {
  id: number;
  name: string;
  description: string | null;
  instanceId: string | null;
  ovfReservation: boolean;
  type: string;
  unit: string | null;
  priceId: number | null;
  guaranteeIds: number[];
}

/** A priced item as AssociatePrice / AssociateGuarantee see it. @public */
export type PricedItem = UnitResource;

interface PriceBase {
  id: number;
  currency: string;
  validFrom: string;
  validUntil: string;
  period: Period;
}
/** A fixed fee. @public */
export interface FixedFee extends PriceBase {
  kind: "fixed";
  type: Period;
  datatype: Datatype;
  quantity: string;
  value: string;
}
/** A variable fee. @public */
export interface VariableFee extends PriceBase {
  kind: "variable";
  type: Period;
  datatype: Datatype;
  quantity: string;
  value: string;
  condition: Comparator;
  conditionValue: string;
  conditionDatatype: Datatype;
}
/** A compound fee. @public */
export interface CompoundFee extends PriceBase {
  kind: "compound";
  fixedFeeIds: number[];
  variableFeeIds: number[];
}
/** Any price; fees share one id space. @public */
export type Price = FixedFee | VariableFee | CompoundFee;

/** A guarantee. @public */
export interface Guarantee {
  id: number;
  name: string;
  description: string;
  type: string;
  percentage: string;
  agreementTerm: string | null;
  operator: Comparator | null;
  slaTemplateId: string | null;
  slaTemplateRegistry: Registry | null;
  value: string | null;
  valueType: string | null;
}
