import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { REGISTRIES } from "../enums.js";
import { amount, day, decimal, id, letter, text } from "./fields.js";

// Each field names the seed flag it comes from; "(extension)" marks API-only fields. Every schema is built on
// its first use, not by the import (lazySchema): a CLI command or a fresh process uses one or two of them.

/** AddProduct. Defaults are applied by the service. @public */
export const ProductCreateSchema = lazySchema(() =>
  z.strictObject({
    /** (extension) choose the product id; the service assigns the next one otherwise. */
    id: id().optional(),
    /** `-p` the party offering the product; must exist. */
    partyId: id(),
    /** `-n` */
    name: text(),
    /** `-d` */
    description: text(2000).optional(),
    /** `-b` */
    brand: text().optional(),
    /** `-c` */
    category: text().optional(),
    /** `-di` default today. */
    insertedAt: day().optional(),
    /** `-df` default today. */
    validFrom: day().optional(),
    /** `-dt` default two years after today; not before `validFrom`. */
    validTo: day().optional(),
    /** `-mp` */
    maxPrice: amount().optional(),
    /** `-mpa` max penalties in case of SLA termination. */
    maxPenaltyTermination: amount().optional(),
    /** `-mpc` (the tool documentation's sentence is cut off: "max penalties … for ."). */
    maxPenaltyMpc: amount().optional(),
    /** `-mpr` max penalties to remove. */
    maxPenaltyRemoval: amount().optional(),
    /** `-nt` default `A`. */
    negotiationType: letter().optional(),
    /** `-r` default `1.0`. */
    release: text(20).optional(),
    /** `-s` default `A`. */
    status: letter().optional(),
    /** `-ur` unsuccessful rounds. */
    unsuccessfulRounds: z
      .number()
      .int("must be an integer")
      .min(0, "must be ≥ 0")
      .max(1000, "must be ≤ 1000")
      .optional(),
  }),
);
/** Input of `products.create`. @public */
export type ProductCreate = z.input<typeof ProductCreateSchema>;

/** AddTemplate: the template id is the document's `<UUID>`. @public */
export const TemplateCreateSchema = lazySchema(() =>
  z.strictObject({
    /** `-slam` default `BSLAM`. */
    registry: z.enum(REGISTRIES).optional(),
    /** `-t` the SLA@SOI XML document (the CLI reads the file). */
    content: z.string().min(1, "must not be empty").max(1_000_000, "must be at most 1 MB"),
    /** `-d` */
    description: text(2000).optional(),
    /** `-p` the provider party; must exist. */
    providerId: id().optional(),
    /** `-r` register name. */
    registerName: text().optional(),
  }),
);
/** Input of `templates.create`. @public */
export type TemplateCreate = z.input<typeof TemplateCreateSchema>;

/** AddProductOffer. @public */
export const ProductOfferCreateSchema = lazySchema(() =>
  z.strictObject({
    /** (extension) */
    id: id().optional(),
    /** `-p` must exist. */
    productId: id(),
    /** `-pa` must exist. */
    partyId: id(),
    /** `-t` must exist in `templateRegistry`. */
    templateId: text(),
    /** (extension) default `BSLAM`: offers point at business templates. */
    templateRegistry: z.enum(REGISTRIES).optional(),
    /** `-n` */
    name: text().optional(),
    /** `-d` */
    description: text(2000).optional(),
    /** `-b` default 1. */
    billingFrequencyId: id().optional(),
    /** `-r` default `1.0`. */
    revision: text(20).optional(),
    /** `-s` default `A`. */
    status: letter().optional(),
    /** `-di` default today. */
    insertedAt: day().optional(),
    /** `-df` default today. */
    validFrom: day().optional(),
    /** `-dt` default two years after today. */
    validTo: day().optional(),
  }),
);
/** Input of `offers.create`. @public */
export type ProductOfferCreate = z.input<typeof ProductOfferCreateSchema>;

/** Registers a party (PENDING); customer registration is outside the provider tools. @public */
export const PartyCreateSchema = lazySchema(() =>
  z.strictObject({ id: id().optional(), name: text().optional() }),
);
/** Input of `parties.create`. @public */
export type PartyCreate = z.input<typeof PartyCreateSchema>;

/** ApproveParty: PENDING → APPROVED with its budget. @public */
export const ApprovePartySchema = lazySchema(() =>
  z.strictObject({
    /** `-p` */
    partyId: id(),
    /** `-b` initial balance. */
    balance: decimal(),
    /** `-cl` credit limit, ≥ 0. */
    creditLimit: amount(),
  }),
);
/** Input of `parties.approve`. @public */
export type ApprovePartyInput = z.input<typeof ApprovePartySchema>;
