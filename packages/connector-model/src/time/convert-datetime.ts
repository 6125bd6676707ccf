import { pyTypeName } from "@meterkit/core/python";
import { InvalidTypeError } from "../errors.js";
import { pad } from "./civil.js";
import { parseIsoDateTime } from "./parse-iso.js";
import { PreciseDateTime } from "./precise-datetime.js";

/** What {@link convertDatetime} accepts. @public */
export type DateInput = string | Date | PreciseDateTime | null | undefined;

/**
 * RFC 3339 timestamp of a string, `Date` or {@link PreciseDateTime}, in UTC with microsecond
 * precision: `YYYY-MM-DDTHH:MM:SS.ffffffZ`, or `YYYY-MM-DDTHH:MM:SSZ` when the microsecond is 0.
 * `null`, `undefined` and `""` give `null`. Naive values are taken as UTC already.
 *
 * Throws {@link DateParseError} for unreadable text, {@link InvalidValueError} for an offset of
 * 24 h or more, {@link OutOfRangeError} when the UTC instant leaves years 1–9999, and
 * {@link InvalidTypeError} for any other kind of value (numbers are not epoch timestamps).
 * @public
 */
export function convertDatetime(dt: DateInput, field = "dt"): string | null {
  if (dt === null || dt === undefined || dt === "") return null;
  if (typeof dt === "string") return parseIsoDateTime(dt, field).toRfc3339();
  if (dt instanceof PreciseDateTime) return dt.toRfc3339();
  if (dt instanceof Date) return formatDate(dt);
  throw new InvalidTypeError(`${field}: '${pyTypeName(dt)}' object has no attribute 'tzinfo'`, field);
}

// Fast path for Date, which cannot carry more than milliseconds; the last result is reused
// because serializeList reads the same system clock many times per millisecond.
let lastMs = Number.NaN;
let lastText = "";

function formatDate(date: Date): string {
  const ms = date.getTime();
  if (ms === lastMs) return lastText;
  const year = date.getUTCFullYear();
  if (Number.isNaN(ms) || year < 1 || year > 9999) return PreciseDateTime.fromDate(date).toRfc3339();
  const milli = date.getUTCMilliseconds();
  const text = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}${milli === 0 ? "" : `.${pad(milli, 3)}000`}Z`;
  lastMs = ms;
  lastText = text;
  return text;
}
