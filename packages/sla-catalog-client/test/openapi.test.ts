/**
 * The client's response schemas accept every shape the server's OpenAPI document allows: for each
 * documented representation, an instance with every nullable field null and one with every field present
 * (values generated from the documented types, formats and enums) must parse.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Schema } from "@meterkit/core";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import * as responses from "../src/schemas/responses.js";

// biome-ignore lint/suspicious/noExplicitAny: the document is arbitrary JSON
type Json = any;
// Resolving the package export proves `@meterkit/sla-catalog-server/openapi.json` is shipped as documented.
const file = createRequire(import.meta.url).resolve("@meterkit/sla-catalog-server/openapi.json");
const doc: Json = JSON.parse(readFileSync(file, "utf8"));

const CLIENT: Readonly<Record<string, { one: Schema<unknown> }>> = {
  Party: responses.PARTY,
  Product: responses.PRODUCT,
  SlaTemplate: responses.TEMPLATE,
  ProductOffer: responses.OFFER,
  UnitResource: responses.UNIT_RESOURCE,
  Price: responses.PRICE,
  FixedFee: responses.FIXED_FEE,
  VariableFee: responses.VARIABLE_FEE,
  CompoundFee: responses.COMPOUND_FEE,
  Guarantee: responses.GUARANTEE,
};

/** A value of `schema`; `nulls` picks null wherever the type allows it. */
function instance(schema: Json, name: string, nulls: boolean): unknown {
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (nulls && types.includes("null")) return null;
  if (schema.enum) return schema.enum[0];
  const type = types.find((t) => t !== "null");
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties as Record<string, Json>).map(([k, s]) => [k, instance(s, k, nulls)]),
      );
    case "array":
      return [instance(schema.items, name, nulls)];
    case "integer":
      return 7;
    case "boolean":
      return true;
    case "string":
      if (schema.format === "date") return "2026-03-01";
      if (schema.format === "date-time") return "2026-03-01T10:00:00.000Z";
      if (schema.pattern) return "12.5";
      // The server's kind column is constrained by the database; the client reads it as an enum.
      if (name === "kind") return "fixed";
      return "x";
    default:
      throw new Error(`unhandled schema type ${String(type)} at ${name}`);
  }
}

describe("client response schemas accept the documented shapes", () => {
  it("every documented representation has a client schema", () => {
    const documented = Object.keys(doc.components.schemas).filter((n) => n !== "Problem");
    expect(documented.sort()).toEqual(Object.keys(CLIENT).sort());
  });

  for (const [name, schema] of Object.entries(CLIENT)) {
    for (const nulls of [true, false]) {
      it(`${name} with ${nulls ? "nullable fields null" : "every field set"}`, () => {
        const shape = instance(doc.components.schemas[name], name, nulls);
        // The shapes are zod schemas (core only needs the narrower Schema type).
        expect((schema.one as unknown as ZodType).safeParse(shape)).toMatchObject({ success: true });
      });
    }
  }
});
