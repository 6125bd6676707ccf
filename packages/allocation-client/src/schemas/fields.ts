/**
 * Building blocks of the response schemas. Every field is optional because Waldur's `field=` filter and
 * its per-role serializers leave fields out; objects are loose because servers add fields every release.
 * Types follow the OpenAPI 8.0.5 schema; fields the 5.4 serializers also render as `null` are nullable.
 * Each is a function, called inside a schema's builder, so importing builds nothing.
 */
import { buildOnce } from "@meterkit/core";
import { z } from "zod";

// Each leaf is built by its first call (core's buildOnce), then is the same schema for every field that uses
// it, as when the leaves were constants: a list builds a few leaves, not one per field, and a response
// schema's shape holds plain zod schemas, no proxy on the path every listed item takes.
/** @internal */ export const str = buildOnce(() => z.string().optional());
/** @internal */ export const strOrNull = buildOnce(() => z.string().nullable().optional());
/** @internal */ export const bool = buildOnce(() => z.boolean().optional());
/** @internal */ export const int = buildOnce(() => z.number().int().optional());
/** @internal */ export const intOrNull = buildOnce(() => z.number().int().nullable().optional());
/** A decimal Waldur renders as a string (`"10.00"`, from MasterMind 5.9.3) or, before that, a number. @internal */
export const decimal = buildOnce(() => z.union([z.string(), z.number()]).optional());
/** @internal */ export const anyValue = buildOnce(() => z.unknown().optional());
