import { DateParseError } from "../errors.js";
import { daysInMonth } from "./civil.js";
import { PreciseDateTime } from "./precise-datetime.js";

// ISO 8601 / RFC 3339 and the close variants the original's dateutil parser accepts and
// connectors actually send: `T`, `t` or a space between date and time, basic (`20170101T120000`)
// or extended form, any number of fraction digits (truncated to 6), `Z`/`z`/`UTC`/`GMT`, and
// offsets `±HH`, `±HHMM`, `±HH:MM`, optionally after a space. Free-form dates ("Jan 2 2017",
// "10:30") are deliberately not accepted: dateutil fills their gaps from today's date.
const ISO =
  /^\s*(\d{4})(?:-(\d{2})-(\d{2})|(\d{2})(\d{2}))(?:[Tt ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(?:([Zz]|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?)?\s*$/;

/**
 * Parses an ISO 8601 / RFC 3339 timestamp into a {@link PreciseDateTime} (naive when the text
 * has no zone). Throws {@link DateParseError} for text it cannot read or out-of-range fields.
 * @public
 */
export function parseIsoDateTime(text: string, field = "value"): PreciseDateTime {
  return readIso(text, field) ?? fail(text, field);
}

function fail(text: string, field: string): never {
  const message =
    text.trim() === "" ? `String does not contain a date: ${text}` : `Unknown string format: ${text}`;
  throw new DateParseError(message, field);
}

/** The ISO reading, or null when the text is not ISO-shaped (range errors still throw). @internal */
export function readIso(text: string, field: string): PreciseDateTime | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4]);
  const day = Number(m[3] ?? m[5]);
  const hour = m[6] === undefined ? 0 : Number(m[6]);
  const minute = m[7] === undefined ? 0 : Number(m[7]);
  const second = m[8] === undefined ? 0 : Number(m[8]);
  // Fractions beyond microseconds are truncated, not rounded, as dateutil does.
  const microsecond = m[9] === undefined ? 0 : Number(m[9].slice(0, 6).padEnd(6, "0"));
  const bad = (what: string): never => {
    throw new DateParseError(`${what}: ${text}`, field);
  };
  if (year < 1) bad(`year ${year} is out of range`);
  if (month < 1 || month > 12) bad("month must be in 1..12");
  if (day < 1 || day > daysInMonth(year, month)) bad("day is out of range for month");
  if (hour > 23) bad("hour must be in 0..23");
  if (minute > 59) bad("minute must be in 0..59");
  if (second > 59) bad("second must be in 0..59");
  let offsetSeconds: number | null = null;
  if (m[10] !== undefined) offsetSeconds = 0;
  else if (m[11] !== undefined) {
    const magnitude = Number(m[12]) * 3600 + (m[13] === undefined ? 0 : Number(m[13]) * 60);
    offsetSeconds = m[11] === "-" ? -magnitude : magnitude;
  }
  // An offset of 24 h or more fails in the constructor with a plain InvalidValueError, as
  // the original raises a plain ValueError there rather than a parser error.
  return new PreciseDateTime({ year, month, day, hour, minute, second, microsecond, offsetSeconds });
}
