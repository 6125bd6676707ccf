/**
 * Almanach's three date formats. Inputs are a `Date` or an ISO 8601 string and are converted to UTC first
 * (the reference formats the wall time and appends `Z`, so `10:00+02:00` was sent as `10:00Z`; we send
 * `08:00Z`). Strings keep their microseconds, which a `Date` cannot hold.
 */
import { isValid } from "date-fns/isValid"; // not the package root: see usage/buckets.ts

/** A date accepted by every operation: a `Date`, or an ISO 8601 string (no offset means UTC). @public */
export type DateInput = Date | string;

/** A UTC instant with microsecond precision. @internal */
export interface Instant {
  /** Milliseconds since the epoch (whole milliseconds). */
  readonly ms: number;
  /** Microseconds below the millisecond, 0–999. */
  readonly micros: number;
}

// YYYY-MM-DD, then optionally [T or space]HH:MM[:SS[.fraction]], then optionally Z or ±HH[:MM].
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Parse a `Date` or ISO string into a UTC instant; `undefined` when it is not a valid date. @internal */
export function toInstant(value: DateInput): Instant | undefined {
  if (value instanceof Date) return isValid(value) ? { ms: value.getTime(), micros: 0 } : undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m;
  const fraction = frac.padEnd(6, "0").slice(0, 6);
  const millis = Number(fraction.slice(0, 3));
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis);
  const check = new Date(local);
  // Date.UTC rolls 2017-02-30 over to March: refuse instead of guessing.
  if (
    !isValid(check) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    check.getUTCHours() !== Number(h) ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return undefined;
  }
  return { ms: local - offsetMinutes(zone) * 60_000, micros: Number(fraction.slice(3)) };
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0"));
}

function parts(instant: Instant): { date: string; time: string; fraction: string } {
  const iso = new Date(instant.ms).toISOString(); // 2017-05-09T14:19:14.123Z, always UTC
  const fraction = `${iso.slice(20, 23)}${String(instant.micros).padStart(3, "0")}`;
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), fraction };
}

/** Body format `%Y-%m-%dT%H:%M:%S.%fZ`, e.g. `2017-05-09T14:19:14.000000Z`. @internal */
export function formatBodyDate(instant: Instant): string {
  const p = parts(instant);
  return `${p.date}T${p.time}.${p.fraction}Z`;
}

/** Query-string format `%Y-%m-%d %H:%M:%S.%f`, e.g. `2016-01-01 00:00:00.000000`. @internal */
export function formatQueryDate(instant: Instant): string {
  const p = parts(instant);
  return `${p.date} ${p.time}.${p.fraction}`;
}

/**
 * The server's response format, Python's `str(datetime)`: `2017-05-15 18:31:42.123000+00:00`, the fraction
 * left out when it is zero. The CLI prints dates this way, like the reference.
 * @internal
 */
export function formatServerDate(date: Date): string {
  const p = parts({ ms: date.getTime(), micros: 0 });
  return `${p.date} ${p.time}${p.fraction === "000000" ? "" : `.${p.fraction}`}+00:00`;
}

/** Parse a server date (`2017-05-09 14:19:14+00:00`); `undefined` when it does not parse. @internal */
export function parseServerDate(text: string): Date | undefined {
  const instant = toInstant(text);
  return instant ? new Date(instant.ms) : undefined;
}
