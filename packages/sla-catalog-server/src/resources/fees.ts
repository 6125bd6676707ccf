import { buildOnce, lazySchema } from "@meterkit/core/lazy-schema";
import { z } from "zod";
import type { SqlClient } from "../db/database.js";
import { type FieldError, validationFailed } from "../http/problem.js";
import type { Route } from "../http/router.js";
import { COMPARATORS, DATATYPES, PERIODS } from "../model/enums.js";
import { currency, day, decimal, id, parseBody } from "../model/fields.js";
import { type Column, getRow, insertRow, nextId, type TableSpec } from "../model/table.js";
import { assertFreeId, Checks, collectionRoutes, created } from "./collection.js";

// Fixed, variable and compound fees are all "prices" and share one id space, so that AssociatePrice's
// single "-p <price id>" is unambiguous.
const COMMON: Column[] = [
  { field: "id", column: "id", type: "int" },
  { field: "kind", column: "kind", type: "text" },
  { field: "currency", column: "currency", type: "text" },
  { field: "validFrom", column: "valid_from", type: "date" },
  { field: "validUntil", column: "valid_until", type: "date" },
  { field: "period", column: "period", type: "text" },
];
const PRICED: Column[] = [
  { field: "type", column: "type", type: "text" },
  { field: "datatype", column: "datatype", type: "text" },
  { field: "quantity", column: "quantity", type: "decimal" },
  { field: "value", column: "value", type: "decimal" },
];
const CONDITION: Column[] = [
  { field: "condition", column: "condition", type: "text" },
  { field: "conditionValue", column: "condition_value", type: "decimal" },
  { field: "conditionDatatype", column: "condition_datatype", type: "text" },
];

async function addMembers(db: SqlClient, rows: Record<string, unknown>[]): Promise<void> {
  const compound = rows.filter((r) => r.kind === "compound").map((r) => r.id);
  if (compound.length === 0) return;
  const links = await db.query<{ compound: number; member: number; kind: string }>(
    "select m.compound_id as compound, m.member_id as member, p.kind from compound_fee_members m join prices p on p.id = m.member_id where m.compound_id = any($1::integer[]) order by m.member_id",
    [compound],
  );
  for (const row of rows.filter((r) => r.kind === "compound")) {
    const mine = links.filter((l) => l.compound === row.id);
    row.fixedFeeIds = mine.filter((l) => l.kind === "fixed").map((l) => l.member);
    row.variableFeeIds = mine.filter((l) => l.kind === "variable").map((l) => l.member);
  }
}

const referrers = [
  { type: "unit-resource", sql: "select id from unit_resources where price_id = $1 order by id" },
  {
    type: "compound-fee",
    sql: "select compound_id as id from compound_fee_members where member_id = $1 order by compound_id",
  },
];
const spec = (type: string, kind: string | null, columns: Column[]): TableSpec => ({
  type,
  table: "prices",
  columns: [...COMMON, ...columns],
  ...(kind ? { scope: `kind = '${kind}'` } : {}),
  referrers,
  enrich: addMembers,
});

/** Every price, whatever its kind (`GET /prices`). */
export const PRICES = spec("price", null, [...PRICED, ...CONDITION]);
export const FIXED_FEES = spec("fixed-fee", "fixed", PRICED);
export const VARIABLE_FEES = spec("variable-fee", "variable", [...PRICED, ...CONDITION]);
export const COMPOUND_FEES = spec("compound-fee", "compound", []);

// The fields the three create bodies share are built once, by the first of them that is built (core's
// buildOnce); each body schema is built on its first use, not by the import (lazySchema).
const validity = buildOnce(() => ({
  id: id().optional(),
  currency: currency().optional(),
  validFrom: day(),
  validUntil: day(),
  period: z.enum(PERIODS),
}));
const positive = () =>
  decimal(0).refine((v) => Number(v) > 0, { message: "must be > 0", params: { code: "out_of_range" } });
export const FixedFeeCreate = lazySchema(() =>
  z.strictObject({
    ...validity(),
    type: z.enum(PERIODS),
    datatype: z.enum(DATATYPES).optional(),
    quantity: positive().optional(),
    value: decimal(0),
  }),
);
export const VariableFeeCreate = lazySchema(() =>
  z.strictObject({
    ...validity(),
    type: z.enum(PERIODS),
    datatype: z.enum(DATATYPES),
    quantity: positive(),
    value: decimal(0),
    condition: z.enum(COMPARATORS),
    conditionValue: decimal(),
    conditionDatatype: z.enum(DATATYPES),
  }),
);
const ids = () =>
  z
    .array(id())
    .max(100, "must list at most 100 ids")
    .refine((a) => new Set(a).size === a.length, {
      message: "must not repeat an id",
      params: { code: "duplicate" },
    });
export const CompoundFeeCreate = lazySchema(() =>
  z.strictObject({
    ...validity(),
    fixedFeeIds: ids().optional(),
    variableFeeIds: ids().optional(),
  }),
);

async function insertPrice(
  tx: SqlClient,
  target: TableSpec,
  kind: string,
  input: { id?: number | undefined; validFrom: string; validUntil: string },
  values: Record<string, unknown>,
  checks: Checks,
) {
  checks.order("validUntil", input.validFrom, input.validUntil, "validFrom");
  checks.done();
  await assertFreeId(tx, "prices", "price", input.id);
  const newId = input.id ?? (await nextId(tx, "prices"));
  await insertRow(tx, target, { ...values, id: newId, kind });
  return newId;
}

export const feeRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/fixed-fees",
    handler: async (ctx) => {
      const input = parseBody(FixedFeeCreate, await ctx.body());
      const values = {
        ...input,
        currency: input.currency ?? "EUR",
        datatype: input.datatype ?? "vm",
        quantity: input.quantity ?? "1",
      };
      const row = await ctx.write(async (tx) =>
        getRow(tx, FIXED_FEES, [await insertPrice(tx, FIXED_FEES, "fixed", input, values, new Checks(tx))]),
      );
      return created(ctx, `fixed-fees/${row.id}`, row);
    },
  },
  {
    method: "POST",
    pattern: "/variable-fees",
    handler: async (ctx) => {
      const input = parseBody(VariableFeeCreate, await ctx.body());
      const values = { ...input, currency: input.currency ?? "EUR" };
      const row = await ctx.write(async (tx) =>
        getRow(tx, VARIABLE_FEES, [
          await insertPrice(tx, VARIABLE_FEES, "variable", input, values, new Checks(tx)),
        ]),
      );
      return created(ctx, `variable-fees/${row.id}`, row);
    },
  },
  {
    method: "POST",
    pattern: "/compound-fees",
    handler: async (ctx) => {
      const input = parseBody(CompoundFeeCreate, await ctx.body());
      const fixed = input.fixedFeeIds ?? [];
      const variable = input.variableFeeIds ?? [];
      if (fixed.length + variable.length === 0) {
        throw validationFailed([
          {
            field: "fixedFeeIds",
            code: "required",
            message: "a compound fee needs at least one fixed or variable fee",
          },
        ]);
      }
      const values = { ...input, currency: input.currency ?? "EUR" };
      const row = await ctx.write(async (tx) => {
        const checks = new Checks(tx);
        await checkMembers(tx, checks.errors, "fixedFeeIds", "fixed", fixed, values.currency);
        await checkMembers(tx, checks.errors, "variableFeeIds", "variable", variable, values.currency);
        const newId = await insertPrice(tx, COMPOUND_FEES, "compound", input, values, checks);
        for (const member of [...fixed, ...variable]) {
          await tx.query("insert into compound_fee_members (compound_id, member_id) values ($1, $2)", [
            newId,
            member,
          ]);
        }
        return getRow(tx, COMPOUND_FEES, [newId]);
      });
      return created(ctx, `compound-fees/${row.id}`, row);
    },
  },
  ...collectionRoutes("fixed-fees", FIXED_FEES),
  ...collectionRoutes("variable-fees", VARIABLE_FEES),
  ...collectionRoutes("compound-fees", COMPOUND_FEES, {
    beforeDelete: async (tx, compoundId) => {
      await tx.query("delete from compound_fee_members where compound_id = $1", [compoundId]);
    },
  }),
  ...collectionRoutes("prices", PRICES, {
    filters: { kind: { sql: "kind = ?", type: "text" } },
    beforeDelete: async (tx, priceId) => {
      await tx.query("delete from compound_fee_members where compound_id = $1", [priceId]);
    },
  }),
];

/** Each member must exist, be of the right kind and share the compound fee's currency. */
async function checkMembers(
  tx: SqlClient,
  errors: FieldError[],
  field: string,
  kind: string,
  memberIds: readonly number[],
  currencyCode: string,
) {
  const rows = await tx.query<{ id: number; kind: string; currency: string }>(
    "select id, kind, currency from prices where id = any($1::integer[])",
    [memberIds],
  );
  memberIds.forEach((memberId, index) => {
    const row = rows.find((r) => r.id === memberId);
    if (!row || row.kind !== kind)
      errors.push({
        field: `${field}.${index}`,
        code: "not_found",
        message: `${kind} fee ${memberId} does not exist`,
      });
    else if (row.currency !== currencyCode) {
      errors.push({
        field: `${field}.${index}`,
        code: "currency_mismatch",
        message: `${kind} fee ${memberId} is in ${row.currency}, not ${currencyCode}`,
      });
    }
  });
}
