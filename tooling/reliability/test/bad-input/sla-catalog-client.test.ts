/** Bad input through every public method of `@meterkit/sla-catalog-client`, against a recording server. */
import { createCatalogClient } from "@meterkit/sla-catalog-client";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectRefused } from "../../src/bad-input/assertions.js";
import type { Operation } from "../../src/bad-input/operation-table.js";
import { type RecordingServer, startRecordingServer } from "../../src/bad-input/recording-server.js";
import { describeOperations } from "../../src/bad-input/run-table.js";
import { Tally } from "../../src/bad-input/tally.js";
import type { Sample } from "../../src/bad-input/values.js";

const PKG = "@meterkit/sla-catalog-client";
let server: RecordingServer;
// biome-ignore lint/suspicious/noExplicitAny: the tables feed deliberately ill-typed inputs.
let c: any;
const tally = new Tally();

beforeAll(async () => {
  server = await startRecordingServer();
  c = createCatalogClient({ baseUrl: `${server.url}/sla-catalog/v1` });
});
afterAll(async () => {
  console.log(tally.render(`bad input: ${PKG}`));
  await server.close();
});

type In = Record<string, unknown>;
const B = "/sla-catalog/v1";
const outOfRange: Sample[] = [
  { label: "0", value: 0 },
  { label: "2^31 (over int4)", value: 2_147_483_648 },
  { label: "MAX_SAFE_INTEGER+1", value: Number.MAX_SAFE_INTEGER + 1 },
];
const badDays: Sample[] = [
  { label: "Feb 30", value: "2024-02-30" },
  { label: "dd/mm/yyyy", value: "01/02/2024" },
  { label: "Invalid Date", value: new Date(Number.NaN) },
  { label: "injection", value: "2024-01-01' OR 1=1 --" },
];
const badDecimals: Sample[] = [
  { label: "7 decimals", value: "1.1234567" },
  { label: "exponent", value: "1e3" },
  { label: "NaN", value: Number.NaN },
  { label: "words", value: "ten" },
  { label: "13 digits", value: "1234567890123" },
];
const text = { maxLength: 255, trims: true } as const;

/** Calls `client.<resource>.<verb>(input)`, the operation named `resource.verb`. */
function call(name: string): (input: In) => unknown {
  const [resource, verb] = name.split(".") as [string, string];
  return (input: In) => c[resource][verb](input);
}

/** An operation that takes one numeric id (`{ productId }`…) and sends it in the path. */
function byId(
  name: string,
  method: string,
  collection: string,
  field: string,
  path = `/${collection}/{${field}}`,
): Operation {
  return {
    name,
    call: call(name),
    valid: { [field]: 7 },
    fields: { [field]: "count" },
    route: { method, path: `${B}${path}` },
    refuse: { [field]: outOfRange },
  };
}

const OPERATIONS: Operation[] = [
  {
    name: "products.create",
    call: call("products.create"),
    valid: {
      partyId: 1,
      name: "Small VM",
      description: "d",
      validFrom: "2024-01-01",
      maxPrice: "10.5",
      status: "A",
    },
    required: ["partyId", "name"],
    fields: { partyId: "count", name: "text", description: "text", validFrom: "date" },
    route: { method: "POST", path: `${B}/products` },
    refuse: {
      partyId: outOfRange,
      validFrom: badDays,
      maxPrice: [...badDecimals, { label: "negative", value: "-1" }],
      status: [{ label: "two letters", value: "AB" }],
    },
    ...text,
  },
  byId("products.get", "GET", "products", "productId"),
  byId("products.delete", "DELETE", "products", "productId"),
  {
    name: "templates.create",
    call: call("templates.create"),
    valid: { content: "<SLATemplate/>", registry: "BSLAM", description: "gold" },
    required: ["content"],
    fields: { description: "text", registry: "strict" },
    route: { method: "POST", path: `${B}/templates` },
    refuse: {
      content: [
        { label: "over 1 MB", value: "x".repeat(1_000_001) },
        { label: "empty", value: "" },
      ],
    },
    maxLength: 2000,
    trims: true,
  },
  {
    name: "templates.get",
    call: call("templates.get"),
    valid: { templateId: "tpl-1", registry: "SSLAM" },
    required: ["templateId"],
    fields: { templateId: "path", registry: "strict" },
    route: { method: "GET", path: `${B}/templates/{registry}/{templateId}` },
    // core names a refused path parameter by its placeholder (`{id}`), the wire name of `templateId`.
    aliases: { templateId: "id" },
    ...text,
  },
  {
    name: "templates.delete",
    call: call("templates.delete"),
    valid: { templateId: "tpl-1", registry: "SSLAM" },
    required: ["templateId"],
    fields: { templateId: "path", registry: "strict" },
    route: { method: "DELETE", path: `${B}/templates/{registry}/{templateId}` },
    // core names a refused path parameter by its placeholder (`{id}`), the wire name of `templateId`.
    aliases: { templateId: "id" },
    ...text,
  },
  {
    name: "templates.list",
    call: call("templates.list"),
    valid: { productId: 3, registry: "BSLAM" },
    required: [],
    fields: { productId: "count", registry: "strict" },
    route: { method: "GET", path: `${B}/templates` },
    refuse: { productId: outOfRange },
  },
  {
    // What the GetTemplateList tool sends: the templates of one product's offers.
    name: "templates.list (by product)",
    call: call("templates.list"),
    valid: { productId: 3 },
    required: [],
    fields: { productId: "count" },
    route: { method: "GET", path: `${B}/templates` },
  },
  {
    name: "offers.create",
    call: call("offers.create"),
    valid: { productId: 1, partyId: 1, templateId: "tpl-1", name: "offer", validFrom: "2024-01-01" },
    required: ["productId", "partyId", "templateId"],
    fields: { productId: "count", partyId: "count", templateId: "text", name: "text", validFrom: "date" },
    route: { method: "POST", path: `${B}/product-offers` },
    refuse: { validFrom: badDays, templateRegistry: [{ label: "unknown registry", value: "XSLAM" }] },
    ...text,
  },
  byId("offers.get", "GET", "product-offers", "offerId"),
  byId("offers.delete", "DELETE", "product-offers", "offerId"),
  {
    name: "parties.create",
    call: call("parties.create"),
    valid: { name: "ACME" },
    required: [],
    fields: { name: "text" },
    route: { method: "POST", path: `${B}/parties` },
    refuse: { id: outOfRange },
    ...text,
  },
  byId("parties.get", "GET", "parties", "partyId"),
  byId("parties.delete", "DELETE", "parties", "partyId"),
  {
    name: "parties.approve",
    call: call("parties.approve"),
    valid: { partyId: 4, balance: "100", creditLimit: "50" },
    fields: { partyId: "count" },
    route: { method: "POST", path: `${B}/parties/{partyId}/approval` },
    refuse: {
      partyId: outOfRange,
      balance: badDecimals,
      creditLimit: [...badDecimals, { label: "negative", value: "-5" }],
    },
  },
  {
    name: "unitResources.create",
    call: call("unitResources.create"),
    valid: { name: "CPU", type: "cpu_speed", unit: "MHz" },
    required: ["name", "type"],
    fields: { name: "text", type: "strict" },
    route: { method: "POST", path: `${B}/unit-resources` },
    ...text,
  },
  byId("unitResources.get", "GET", "unit-resources", "unitResourceId"),
  byId("unitResources.delete", "DELETE", "unit-resources", "unitResourceId"),
  {
    name: "fixedFees.create",
    call: call("fixedFees.create"),
    valid: {
      validFrom: "2024-01-01",
      validUntil: "2024-12-31",
      period: "per_month",
      type: "per_month",
      currency: "EUR",
      value: "3",
    },
    required: ["validFrom", "validUntil", "value"],
    fields: { validFrom: "date", validUntil: "date", currency: "strict" },
    route: { method: "POST", path: `${B}/fixed-fees` },
    refuse: {
      validFrom: badDays,
      validUntil: [{ label: "before validFrom", value: "2023-01-01" }],
      currency: [{ label: "lower case", value: "eur" }],
      quantity: [{ label: "zero", value: "0" }, ...badDecimals],
    },
  },
  {
    name: "variableFees.create",
    call: call("variableFees.create"),
    valid: {
      validFrom: "2024-01-01",
      validUntil: "2024-12-31",
      period: "per_month",
      type: "per_month",
      datatype: "GB",
      quantity: "1",
      value: "2",
      condition: "greater_than",
      conditionValue: "10",
      conditionDatatype: "GB",
    },
    fields: { validFrom: "date", validUntil: "date", datatype: "strict" },
    route: { method: "POST", path: `${B}/variable-fees` },
    refuse: { value: [...badDecimals, { label: "negative", value: "-1" }] },
  },
  {
    name: "compoundFees.create",
    call: call("compoundFees.create"),
    valid: { validFrom: "2024-01-01", validUntil: "2024-12-31", period: "per_month", fixedFeeIds: [1, 2] },
    required: ["validFrom", "validUntil", "period"],
    fields: { validFrom: "date", validUntil: "date" },
    route: { method: "POST", path: `${B}/compound-fees` },
    refuse: {
      fixedFeeIds: [
        { label: "strings", value: ["1"] },
        { label: "zero", value: [0] },
        { label: "not a list", value: 1 },
      ],
    },
  },
  byId("prices.get", "GET", "prices", "priceId"),
  byId("fixedFees.delete", "DELETE", "fixed-fees", "feeId"),
  byId("variableFees.delete", "DELETE", "variable-fees", "feeId"),
  byId("compoundFees.delete", "DELETE", "compound-fees", "feeId"),
  {
    name: "guarantees.create",
    call: call("guarantees.create"),
    valid: { name: "Uptime", description: "99.9%", type: "location", percentage: "0.5", value: "v" },
    required: ["name", "description", "type", "percentage"],
    fields: { name: "text", value: "text", type: "strict" },
    route: { method: "POST", path: `${B}/guarantees` },
    refuse: { percentage: [{ label: "0", value: "0" }, { label: "over 1", value: "1.5" }, ...badDecimals] },
    ...text,
  },
  byId("guarantees.get", "GET", "guarantees", "guaranteeId"),
  byId("guarantees.delete", "DELETE", "guarantees", "guaranteeId"),
  byId("pricedItems.get", "GET", "priced-items", "pricedItemId"),
  byId(
    "pricedItems.clearPrice",
    "DELETE",
    "priced-items",
    "pricedItemId",
    "/priced-items/{pricedItemId}/price",
  ),
  {
    name: "pricedItems.setPrice",
    call: call("pricedItems.setPrice"),
    valid: { pricedItemId: 2, priceId: 3 },
    fields: { pricedItemId: "count", priceId: "count" },
    route: { method: "PUT", path: `${B}/priced-items/{pricedItemId}/price` },
    refuse: { pricedItemId: outOfRange, priceId: outOfRange },
  },
  ...(["pricedItems.addGuarantee", "pricedItems.removeGuarantee"] as const).map(
    (name): Operation => ({
      name,
      call: call(name),
      valid: { pricedItemId: 2, guaranteeId: 3 },
      fields: { pricedItemId: "count", guaranteeId: "count" },
      route: {
        method: name === "pricedItems.addGuarantee" ? "PUT" : "DELETE",
        path: `${B}/priced-items/{pricedItemId}/guarantees/{guaranteeId}`,
      },
      refuse: { pricedItemId: outOfRange, guaranteeId: outOfRange },
    }),
  ),
];

describe(`${PKG}: every operation`, () => {
  describeOperations(PKG, OPERATIONS, () => server, tally);

  it.each([["ftp://x/sla-catalog/v1"], ["relative/path"]])(
    "createCatalogClient refuses baseUrl %s",
    async (baseUrl) => {
      await expectRefused(server, () => createCatalogClient({ baseUrl }), {
        pkg: "@meterkit/core",
        field: "baseUrl",
      });
      tally.record(PKG, "refused");
    },
  );
});
