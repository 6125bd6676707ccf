/**
 * The input fields several operations share, as zod schemas, and the one input check (core's, bound to this
 * package). Inputs are checked before anything is sent; an unknown key is refused by name.
 */
import { inputChecker, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { AlmanachContext } from "./context.js";
import { type DateInput, type Instant, toInstant } from "./dates.js";
import { PKG } from "./package-name.js";

/** Validate an operation's input; throws `InvalidInputError` naming the field. @internal */
export const check = inputChecker(PKG);

/** A non-empty id (path segment or body value). @internal */
export const Id = lazySchema(() => z.string({ error: "must be a string" }).min(1, "must not be empty"));

/** A `Date` or an ISO 8601 string, converted to a UTC instant. @internal */
export const DateField = lazySchema(() =>
  z
    .union([
      z.date({ error: "must be a valid Date" }),
      z.string({ error: "must be a Date or an ISO 8601 string" }),
    ])
    .transform((value: DateInput, ctx): Instant => {
      const instant = toInstant(value);
      if (instant) return instant;
      ctx.addIssue({ code: "custom", message: "must be a valid Date or an ISO 8601 date string" });
      return z.NEVER;
    }),
);

/** A size in GB: a non-negative integer (the reference CLI sent strings; the server stores what it gets). @internal */
export const Size = lazySchema(() =>
  z.number({ error: "must be a number" }).int("must be an integer").nonnegative("must not be negative"),
);

/** A list of instance ids. @internal */
export const Attachments = lazySchema(() => z.array(Id, { error: "must be an array of instance ids" }));

/** `{ volumeTypeId }`, the input of the volume-type calls that name one type. @internal */
export const VolumeTypeRef = lazySchema(() => z.strictObject({ volumeTypeId: Id }));

/** `{ entityId }`. @internal */
export const EntityRef = lazySchema(() => z.strictObject({ entityId: Id }));

/** The instant to send: the given one or the client's "now". @internal */
export function orNow(ctx: AlmanachContext, instant: Instant | undefined): Instant {
  return instant ?? { ms: ctx.now().getTime(), micros: 0 };
}
