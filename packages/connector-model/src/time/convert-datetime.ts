import { pyTypeName } from "@meterkit/core/python";
import { InvalidTypeError } from "../errors.js";
import { pad } from "./civil.js";
import { type Clock, readClock, systemClock } from "./clock.js";
import { readIso } from "./parse-iso.js";
import { parseLenient } from "./parse-lenient.js";
import { PreciseDateTime } from "./precise-datetime.js";
import type { DateQuirk } from "./ymd.js";

/** What {@link convertDatetime} accepts. @public */
export type DateInput = string | Date | PreciseDateTime | null | undefined;

/** Options of {@link convertDatetime}. @public */
export interface ConvertDatetimeOptions {
  /** Today's date for free-form text that lacks fields (`"10:30"`, `"Feb 2017"`); default the system clock. */
  clock?: Clock | undefined;
  /** Hears of readings the original makes silently that may hide a wrong time (see {@link DateQuirk}). */
  onQuirk?: ((quirk: DateQuirk) => void) | undefined;
}

/**
 * RFC 3339 timestamp of a string, `Date` or {@link PreciseDateTime}, in UTC with microsecond
 * precision: `YYYY-MM-DDTHH:MM:SS.ffffffZ`, or `YYYY-MM-DDTHH:MM:SSZ` when the microsecond is 0.
 * `null`, `undefined` and `""` give `null`. Naive values are taken as UTC already. Text is read as
 * the original's dateutil reads it: ISO first, then RFC 2822, asctime, US dates (month first,
 * also `04.02.2017`), month names and compact forms; an unknown zone name such as `EST` is
 * ignored and `UTC+2` follows POSIX (two hours behind UTC), as there — `onQuirk` hears of both.
 *
 * Throws {@link DateParseError} for unreadable text, {@link InvalidValueError} for an offset of
 * 24 h or more, {@link OutOfRangeError} when the UTC instant leaves years 1–9999, and
 * {@link InvalidTypeError} for any other kind of value (numbers are not epoch timestamps).
 * @public
 */
export function convertDatetime(
  dt: DateInput,
  field = "dt",
  options: ConvertDatetimeOptions = {},
): string | null {
  if (dt === null || dt === undefined || dt === "") return null;
  if (typeof dt === "string") {
    const iso = readIso(dt, field);
    if (iso !== null) return iso.toRfc3339();
    return parseLenient(dt, readClock(options.clock ?? systemClock), field, options.onQuirk).toRfc3339();
  }
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
