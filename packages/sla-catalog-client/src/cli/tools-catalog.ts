import { collect } from "@meterkit/core";
import type { Registry } from "../enums.js";
import type { TemplateListQuery } from "../operations/templates.js";
import type {
  ApprovePartyInput,
  PartyCreate,
  ProductCreate,
  ProductOfferCreate,
  TemplateCreate,
} from "../schemas/catalog.js";
import { createdId, rows, type ToolSpec } from "./spec.js";

const SLAM = {
  flag: "slam",
  field: "registry",
  kind: "text",
  help: "SLA@SOI SLAM DB [BSLAM | SSLAM | ISLAM]",
  default: "BSLAM",
} as const;
const dates = (what: string) =>
  [
    {
      flag: "df",
      field: "validFrom",
      kind: "ymd",
      help: `The date (YYYYMMDD) the ${what} is valid from`,
      default: "today",
    },
    {
      flag: "di",
      field: "insertedAt",
      kind: "ymd",
      help: `The date (YYYYMMDD) when the ${what} is inserted`,
      default: "today",
    },
    {
      flag: "dt",
      field: "validTo",
      kind: "ymd",
      help: `The date (YYYYMMDD) the ${what} is valid to`,
      default: "2 years later",
    },
  ] as const;

/** Tools 1–7: products, templates, offers, parties. */
export const CATALOG_TOOLS: readonly ToolSpec[] = [
  {
    name: "AddProduct",
    summary: "Adds a new product; prints its id.",
    flags: [
      { flag: "b", field: "brand", kind: "text", help: "Product brand" },
      { flag: "c", field: "category", kind: "text", help: "Product category" },
      { flag: "d", field: "description", kind: "text", help: "Product description" },
      ...dates("product"),
      {
        flag: "mp",
        field: "maxPrice",
        kind: "decimal",
        help: "Maximum price that can be assigned to the product",
      },
      {
        flag: "mpa",
        field: "maxPenaltyTermination",
        kind: "decimal",
        help: "Max penalties in case of SLA termination",
      },
      {
        flag: "mpc",
        field: "maxPenaltyMpc",
        kind: "decimal",
        help: "Max penalties (-mpc; the original text is cut off)",
      },
      { flag: "mpr", field: "maxPenaltyRemoval", kind: "decimal", help: "Max penalties to remove" },
      { flag: "n", field: "name", kind: "text", help: "Product name", mandatory: true },
      { flag: "nt", field: "negotiationType", kind: "text", help: "Negotiation type", default: "A" },
      {
        flag: "p",
        field: "partyId",
        kind: "int",
        help: "ID of the party offering the product",
        mandatory: true,
      },
      { flag: "r", field: "release", kind: "text", help: "Release", default: "1.0" },
      { flag: "s", field: "status", kind: "text", help: "Status", default: "A" },
      { flag: "ur", field: "unsuccessfulRounds", kind: "int", help: "Unsuccessful rounds" },
    ],
    run: async (client, input) => createdId(await client.products.create(input as unknown as ProductCreate)),
  },
  {
    name: "AddTemplate",
    summary: "Adds an SLA template to a registry; prints its id (the template's UUID).",
    flags: [
      { flag: "d", field: "description", kind: "text", help: "SLA template description" },
      { flag: "p", field: "providerId", kind: "int", help: "Provider ID" },
      { flag: "r", field: "registerName", kind: "text", help: "Register name" },
      SLAM,
      {
        flag: "t",
        field: "content",
        kind: "file",
        help: "The file that contains the SLA template",
        mandatory: true,
      },
    ],
    run: async (client, input) =>
      createdId(await client.templates.create(input as unknown as TemplateCreate)),
  },
  {
    name: "AddProductOffer",
    summary: "Associates a product with an SLA template for a party; prints the offer id.",
    flags: [
      { flag: "b", field: "billingFrequencyId", kind: "int", help: "Billing frequency ID", default: "1" },
      { flag: "d", field: "description", kind: "text", help: "Product offer description" },
      ...dates("product offer"),
      { flag: "n", field: "name", kind: "text", help: "Product offer name" },
      { flag: "p", field: "productId", kind: "int", help: "Product ID", mandatory: true },
      { flag: "pa", field: "partyId", kind: "int", help: "Party ID", mandatory: true },
      { flag: "r", field: "revision", kind: "text", help: "Revision ID", default: "1.0" },
      { flag: "s", field: "status", kind: "text", help: "Status", default: "A" },
      { flag: "t", field: "templateId", kind: "text", help: "SLA template ID", mandatory: true },
    ],
    run: async (client, input) =>
      createdId(await client.offers.create(input as unknown as ProductOfferCreate)),
  },
  {
    name: "GetTemplate",
    summary: "Prints a template in SLA@SOI syntax.",
    flags: [SLAM, { flag: "t", field: "templateId", kind: "text", help: "Template ID", mandatory: true }],
    run: async (client, input) => {
      const template = await client.templates.get({
        templateId: String(input.templateId),
        registry: input.registry as Registry | undefined,
      });
      return { json: template, lines: [template.content] };
    },
  },
  {
    name: "GetTemplateList",
    summary:
      "Prints the templates of a registry, or those of a product's offers, in SLA@SOI syntax (-summary yes: one line each).",
    flags: [
      { flag: "p", field: "productId", kind: "int", help: "Product ID" },
      SLAM,
      {
        flag: "summary",
        field: "summary",
        kind: "yesno",
        help: "One line per template instead: id, registry, model version, description",
        default: "no",
      },
    ],
    run: async (client, input) => {
      const { summary, ...query } = input as TemplateListQuery & { summary?: boolean };
      // An unknown product is "not found" (exit 4), not an empty list.
      if (query.productId !== undefined) await client.products.get({ productId: query.productId });
      // The tool lists the business registry unless -slam names another.
      const templates = await collect(client.templates.list({ registry: "BSLAM", ...query }));
      if (summary) return rows(templates, (t) => [t.id, t.registry, t.modelVersion, t.description]);
      return { json: templates, lines: templates.map((t) => t.content.replace(/\n$/, "")) };
    },
  },
  {
    name: "GetProductList",
    summary: "Lists the products: id, name, status, party, valid from, valid to, brand, category.",
    flags: [],
    run: async (client) =>
      rows(await collect(client.products.list()), (p) => [
        p.id,
        p.name,
        p.status,
        p.partyId,
        p.validFrom,
        p.validTo,
        p.brand,
        p.category,
      ]),
  },
  {
    name: "AddParty",
    summary: "Registers a party (PENDING until ApproveParty); prints its id.",
    flags: [
      { flag: "n", field: "name", kind: "text", help: "Party name" },
      { flag: "id", field: "id", kind: "int", help: "Party ID (default: the next free one)" },
    ],
    run: async (client, input) => createdId(await client.parties.create(input as PartyCreate)),
  },
  {
    name: "ApproveParty",
    summary:
      "Moves a party from PENDING to APPROVED with its balance and credit limit; prints id, status, balance, credit limit.",
    flags: [
      { flag: "b", field: "balance", kind: "decimal", help: "Initial balance", mandatory: true },
      { flag: "cl", field: "creditLimit", kind: "decimal", help: "Credit limit", mandatory: true },
      { flag: "p", field: "partyId", kind: "int", help: "Party ID", mandatory: true },
    ],
    run: async (client, input) => {
      const party = await client.parties.approve(input as unknown as ApprovePartyInput);
      return rows([party], (p) => [p.id, p.status, p.balance, p.creditLimit]);
    },
  },
];
