import type { CatalogClient } from "../client.js";
import type {
  AssociateGuaranteeInput,
  AssociatePriceInput,
  CompoundFeeCreate,
  FixedFeeCreate,
  GuaranteeCreate,
  UnitResourceCreate,
  VariableFeeCreate,
} from "../schemas/pricing.js";
import { createdId, type FlagSpec, rows, type ToolSpec } from "./spec.js";

const validity = (what: string): FlagSpec[] => [
  { flag: "c", field: "currency", kind: "text", help: `${what} currency`, default: "EUR" },
  { flag: "f", field: "validFrom", kind: "dmy", help: `${what} validity from [dd/mm/yyyy]`, mandatory: true },
  {
    flag: "p",
    field: "period",
    kind: "text",
    help: `${what} period [one_time_charge, per_hour, per_day, …]`,
    mandatory: true,
  },
  {
    flag: "u",
    field: "validUntil",
    kind: "dmy",
    help: `${what} validity until [dd/mm/yyyy]`,
    mandatory: true,
  },
];
const item =
  (
    run: (
      client: CatalogClient,
      input: Record<string, unknown>,
    ) => Promise<{ id: number; priceId: number | null; guaranteeIds: number[] }>,
  ) =>
  async (client: CatalogClient, input: Record<string, unknown>) =>
    rows([await run(client, input)], (i) => [i.id, i.priceId, i.guaranteeIds.join(",")]);

/** Tools 8–14: unit resources, fees, guarantees and their associations. */
export const PRICING_TOOLS: readonly ToolSpec[] = [
  {
    name: "AddUnitResource",
    summary: "Adds a resource type to negotiate (a priced item); prints its id.",
    flags: [
      { flag: "d", field: "description", kind: "text", help: "Unit resource description" },
      { flag: "i", field: "instanceId", kind: "text", help: "Unit resource instance id" },
      { flag: "n", field: "name", kind: "text", help: "Unit resource name", mandatory: true },
      {
        flag: "r",
        field: "ovfReservation",
        kind: "yesno",
        help: "OVF resource reservation [yes or no]",
        default: "no",
      },
      { flag: "t", field: "type", kind: "text", help: "Unit resource type", mandatory: true },
      { flag: "u", field: "unit", kind: "text", help: "Unit resource unit" },
    ],
    run: async (client, input) =>
      createdId(await client.unitResources.create(input as unknown as UnitResourceCreate)),
  },
  {
    name: "AddFixedFee",
    summary: "Adds a fixed price; prints its price id.",
    flags: [
      ...validity("Fixed fee"),
      {
        flag: "d",
        field: "datatype",
        kind: "text",
        help: "Fixed fee datatype [vm, integer, MHz, MB, GB]",
        default: "vm",
      },
      { flag: "q", field: "quantity", kind: "decimal", help: "Fixed fee quantity", default: "1" },
      {
        flag: "t",
        field: "type",
        kind: "text",
        help: "Fixed fee type [one_time_charge, per_hour, per_day, …]",
        mandatory: true,
      },
      { flag: "v", field: "value", kind: "decimal", help: "Fixed fee value", mandatory: true },
    ],
    run: async (client, input) =>
      createdId(await client.fixedFees.create(input as unknown as FixedFeeCreate)),
  },
  {
    name: "AddVariableFee",
    summary: "Adds a price that applies under a condition; prints its price id.",
    flags: [
      ...validity("Variable fee"),
      {
        flag: "cond",
        field: "condition",
        kind: "text",
        help: "Condition [less_than, less_than_or_equals, equals, …]",
        mandatory: true,
      },
      {
        flag: "condd",
        field: "conditionDatatype",
        kind: "text",
        help: "Condition datatype",
        mandatory: true,
      },
      { flag: "condv", field: "conditionValue", kind: "decimal", help: "Condition value", mandatory: true },
      { flag: "d", field: "datatype", kind: "text", help: "Variable fee datatype", mandatory: true },
      { flag: "q", field: "quantity", kind: "decimal", help: "Variable fee quantity", mandatory: true },
      { flag: "t", field: "type", kind: "text", help: "Variable fee type", mandatory: true },
      { flag: "v", field: "value", kind: "decimal", help: "Variable fee value", mandatory: true },
    ],
    run: async (client, input) =>
      createdId(await client.variableFees.create(input as unknown as VariableFeeCreate)),
  },
  {
    name: "AddCompoundFee",
    summary: "Adds a price made of fixed and variable fees; prints its price id.",
    flags: [
      ...validity("Compound fee"),
      { flag: "ff", field: "fixedFeeIds", kind: "ids", help: "Fixed fee ids [id1,id2,...]" },
      { flag: "vf", field: "variableFeeIds", kind: "ids", help: "Variable fee ids [id1,id2,...]" },
    ],
    run: async (client, input) =>
      createdId(await client.compoundFees.create(input as unknown as CompoundFeeCreate)),
  },
  {
    name: "AddGuarantee",
    summary: "Adds a QoS/QoP guarantee; prints its id.",
    flags: [
      { flag: "a", field: "agreementTerm", kind: "text", help: "Guarantee agreement term" },
      { flag: "d", field: "description", kind: "text", help: "Guarantee description", mandatory: true },
      { flag: "n", field: "name", kind: "text", help: "Guarantee name", mandatory: true },
      {
        flag: "op",
        field: "operator",
        kind: "text",
        help: "Guarantee operator [less_than, equals, greater_than, …]",
      },
      {
        flag: "p",
        field: "percentage",
        kind: "decimal",
        help: "Percentage price variation, in (0:1]",
        mandatory: true,
      },
      { flag: "s", field: "slaTemplateId", kind: "text", help: "Guarantee SLA template id" },
      {
        flag: "t",
        field: "type",
        kind: "text",
        help: "Guarantee type [location, reserve, co_location_rack, …]",
        mandatory: true,
      },
      { flag: "v", field: "value", kind: "text", help: "Guarantee value" },
      { flag: "vt", field: "valueType", kind: "text", help: "Guarantee value type" },
    ],
    run: async (client, input) =>
      createdId(await client.guarantees.create(input as unknown as GuaranteeCreate)),
  },
  {
    name: "AssociatePrice",
    summary: "Sets the price of a priced item; prints item id, price id, guarantee ids.",
    flags: [
      { flag: "p", field: "priceId", kind: "int", help: "Price id", mandatory: true },
      { flag: "pi", field: "pricedItemId", kind: "int", help: "Priced item id", mandatory: true },
    ],
    run: item((client, input) => client.pricedItems.setPrice(input as unknown as AssociatePriceInput)),
  },
  {
    name: "AssociateGuarantee",
    summary: "Adds a guarantee to a priced item; prints item id, price id, guarantee ids.",
    flags: [
      { flag: "g", field: "guaranteeId", kind: "int", help: "Guarantee id", mandatory: true },
      { flag: "p", field: "pricedItemId", kind: "int", help: "Priced item id", mandatory: true },
    ],
    run: item((client, input) =>
      client.pricedItems.addGuarantee(input as unknown as AssociateGuaranteeInput),
    ),
  },
];
