import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { COMPARATORS, DATATYPES, PERIODS, REGISTRIES } from "../enums.js";
import { amount, currency, day, decimal, id, positive, text } from "./fields.js";

// Every schema is built on its first use, not by the import (lazySchema): a CLI command or a fresh process
// uses one or two of them.

/** AddUnitResource: a resource type to negotiate, and a priced item. @public */
export const UnitResourceCreateSchema = lazySchema(() =>
  z.strictObject({
    /** (extension) */
    id: id().optional(),
    /** `-n` */
    name: text(),
    /** `-t` e.g. `cpu_speed`. */
    type: z.string().regex(/^[A-Za-z][\w.-]{0,63}$/, "must be an identifier such as cpu_speed"),
    /** `-d` */
    description: text(2000).optional(),
    /** `-i` */
    instanceId: text().optional(),
    /** `-r` OVF resource reservation, default false ("no"). */
    ovfReservation: z.boolean().optional(),
    /** `-u` e.g. `MHz`. */
    unit: text(32).optional(),
  }),
);
/** Input of `unitResources.create`. @public */
export type UnitResourceCreate = z.input<typeof UnitResourceCreateSchema>;

const ordered = <T extends { validFrom: string; validUntil: string }>(v: T) => v.validFrom <= v.validUntil;
const orderIssue = { message: "must not be before validFrom", path: ["validUntil"] };
// The fields every fee has, spread into each fee's schema: a function, so its builder builds them.
const validity = () => ({
  /** (extension) */
  id: id().optional(),
  /** `-c` default `EUR`. */
  currency: currency().optional(),
  /** `-f` */
  validFrom: day(),
  /** `-u` not before `validFrom`. */
  validUntil: day(),
  /** `-p` */
  period: z.enum(PERIODS),
});

/** AddFixedFee. @public */
export const FixedFeeCreateSchema = lazySchema(() =>
  z
    .strictObject({
      ...validity(),
      /** `-t` */
      type: z.enum(PERIODS),
      /** `-d` default `vm`. */
      datatype: z.enum(DATATYPES).optional(),
      /** `-q` default 1. */
      quantity: positive().optional(),
      /** `-v` */
      value: amount(),
    })
    .refine(ordered, orderIssue),
);
/** Input of `fixedFees.create`. @public */
export type FixedFeeCreate = z.input<typeof FixedFeeCreateSchema>;

/** AddVariableFee: a fee that applies under a condition. @public */
export const VariableFeeCreateSchema = lazySchema(() =>
  z
    .strictObject({
      ...validity(),
      type: z.enum(PERIODS),
      datatype: z.enum(DATATYPES),
      quantity: positive(),
      value: amount(),
      /** `-cond` */
      condition: z.enum(COMPARATORS),
      /** `-condv` */
      conditionValue: decimal(),
      /** `-condd` */
      conditionDatatype: z.enum(DATATYPES),
    })
    .refine(ordered, orderIssue),
);
/** Input of `variableFees.create`. @public */
export type VariableFeeCreate = z.input<typeof VariableFeeCreateSchema>;

const ids = () =>
  z
    .array(id())
    .max(100, "must list at most 100 ids")
    .refine((a) => new Set(a).size === a.length, "must not repeat an id");

/** AddCompoundFee: fixed and variable fees under one price. @public */
export const CompoundFeeCreateSchema = lazySchema(() =>
  z
    .strictObject({
      ...validity(),
      /** `-ff` */
      fixedFeeIds: ids().optional(),
      /** `-vf` */
      variableFeeIds: ids().optional(),
    })
    .refine(ordered, orderIssue)
    .refine((v) => (v.fixedFeeIds?.length ?? 0) + (v.variableFeeIds?.length ?? 0) > 0, {
      message: "a compound fee needs at least one fixed or variable fee",
      path: ["fixedFeeIds"],
    }),
);
/** Input of `compoundFees.create`. @public */
export type CompoundFeeCreate = z.input<typeof CompoundFeeCreateSchema>;

/** AddGuarantee. @public */
export const GuaranteeCreateSchema = lazySchema(() =>
  z.strictObject({
    /** (extension) */
    id: id().optional(),
    /** `-n` */
    name: text(),
    /** `-d` */
    description: text(2000),
    /** `-t` e.g. `location`, `reserve`, `co_location_rack`. */
    type: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,63}$/,
        "must be a lower-case term such as location, reserve or co_location_rack",
      ),
    /** `-p` percentage price variation, 0 < p ≤ 1. */
    percentage: decimal().refine((v) => Number(v) > 0 && Number(v) <= 1, "must satisfy 0 < percentage <= 1"),
    /** `-a` */
    agreementTerm: text().optional(),
    /** `-op` */
    operator: z.enum(COMPARATORS).optional(),
    /** `-s` must exist (looked up in BSLAM, SSLAM, then ISLAM unless `slaTemplateRegistry` says). */
    slaTemplateId: text().optional(),
    /** (extension) */
    slaTemplateRegistry: z.enum(REGISTRIES).optional(),
    /** `-v` */
    value: text().optional(),
    /** `-vt` */
    valueType: text().optional(),
  }),
);
/** Input of `guarantees.create`. @public */
export type GuaranteeCreate = z.input<typeof GuaranteeCreateSchema>;

/** AssociatePrice. @public */
export const AssociatePriceSchema = lazySchema(() =>
  z.strictObject({
    /** `-p` */ priceId: id(),
    /** `-pi` */ pricedItemId: id(),
  }),
);
/** Input of `pricedItems.setPrice`. @public */
export type AssociatePriceInput = z.input<typeof AssociatePriceSchema>;

/** AssociateGuarantee. @public */
export const AssociateGuaranteeSchema = lazySchema(() =>
  z.strictObject({
    /** `-g` */ guaranteeId: id(),
    /** `-p` */ pricedItemId: id(),
  }),
);
/** Input of `pricedItems.addGuarantee` and `pricedItems.removeGuarantee`. @public */
export type AssociateGuaranteeInput = z.input<typeof AssociateGuaranteeSchema>;
