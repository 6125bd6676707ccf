/**
 * Building blocks of the response schemas. Every field is optional because Waldur's `field=` filter and
 * its per-role serializers leave fields out; objects are loose because servers add fields every release.
 * Types follow the OpenAPI 8.0.5 schema; fields the 5.4 serializers also render as `null` are nullable.
 */
import { z } from "zod";

/** @internal */ export const str = z.string().optional();
/** @internal */ export const strOrNull = z.string().nullable().optional();
/** @internal */ export const bool = z.boolean().optional();
/** @internal */ export const int = z.number().int().optional();
/** @internal */ export const intOrNull = z.number().int().nullable().optional();
/** A decimal Waldur renders as a string (`"10.00"`, from MasterMind 5.9.3) or, before that, a number. @internal */
export const decimal = z.union([z.string(), z.number()]).optional();
/** @internal */ export const anyValue = z.unknown().optional();
