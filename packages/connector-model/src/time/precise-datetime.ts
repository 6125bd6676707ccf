import { InvalidValueError, OutOfRangeError } from "../errors.js";
import { civilFromDays, daysFromCivil, daysInMonth, pad } from "./civil.js";

/** Fields of a {@link PreciseDateTime}; `offsetSeconds` absent or null means naive. @public */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  microsecond?: number;
  /** UTC offset in seconds (east positive), or null for a naive value. */
  offsetSeconds?: number | null;
}

const US_PER_DAY = 86_400_000_000n;

/**
 * A calendar date and time with **microsecond** precision and an optional fixed UTC offset:
 * the counterpart of Python's `datetime`. JavaScript's `Date` stops at milliseconds, but the
 * nflex wire format (`2019-03-04T05:06:07.123456Z`) carries microseconds. Immutable.
 * @public
 */
export class PreciseDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly microsecond: number;
  /** UTC offset in seconds, or null when naive (the original treats naive values as UTC). */
  readonly offsetSeconds: number | null;
  #rfc3339: string | undefined;

  /** Validates every field like Python's `datetime(...)`; throws {@link InvalidValueError}. */
  constructor(fields: DateTimeFields) {
    const { year, month, day, hour = 0, minute = 0, second = 0, microsecond = 0 } = fields;
    check("year", year, 1, 9999);
    check("month", month, 1, 12);
    check("day", day, 1, daysInMonth(year, month));
    check("hour", hour, 0, 23);
    check("minute", minute, 0, 59);
    check("second", second, 0, 59);
    check("microsecond", microsecond, 0, 999_999);
    const offset = fields.offsetSeconds ?? null;
    if (offset !== null && !(Number.isInteger(offset) && Math.abs(offset) < 86_400)) {
      throw new InvalidValueError(
        "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).",
        "offsetSeconds",
      );
    }
    this.year = year;
    this.month = month;
    this.day = day;
    this.hour = hour;
    this.minute = minute;
    this.second = second;
    this.microsecond = microsecond;
    this.offsetSeconds = offset;
  }

  /** The instant of a `Date` as an aware UTC value (microsecond = milliseconds × 1000). */
  static fromDate(date: Date): PreciseDateTime {
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new InvalidValueError("invalid Date", "date");
    return PreciseDateTime.fromEpochMicroseconds(BigInt(ms) * 1000n, 0);
  }

  /** A value from microseconds since 1970-01-01T00:00:00 (UTC, or naive when `offsetSeconds` is null). */
  static fromEpochMicroseconds(us: bigint, offsetSeconds: number | null = null): PreciseDateTime {
    let days = us / US_PER_DAY;
    let rest = us % US_PER_DAY;
    if (rest < 0n) {
      rest += US_PER_DAY;
      days -= 1n;
    }
    const [year, month, day] = civilFromDays(Number(days));
    if (year < 1 || year > 9999) throw new OutOfRangeError("date value out of range");
    const restNum = Number(rest);
    const secs = Math.floor(restNum / 1e6);
    return new PreciseDateTime({
      year,
      month,
      day,
      hour: Math.floor(secs / 3600),
      minute: Math.floor(secs / 60) % 60,
      second: secs % 60,
      microsecond: restNum % 1e6,
      offsetSeconds,
    });
  }

  /** True when the value carries no offset. */
  get naive(): boolean {
    return this.offsetSeconds === null;
  }

  /** Microseconds since the epoch of the wall-clock fields, ignoring the offset. */
  wallMicroseconds(): bigint {
    const days = daysFromCivil(this.year, this.month, this.day);
    const secs = days * 86_400 + this.hour * 3600 + this.minute * 60 + this.second;
    return BigInt(secs) * 1_000_000n + BigInt(this.microsecond);
  }

  /** Microseconds since the Unix epoch; a naive value counts as UTC. */
  epochMicroseconds(): bigint {
    return this.wallMicroseconds() - BigInt(this.offsetSeconds ?? 0) * 1_000_000n;
  }

  /**
   * The same instant as a naive UTC value, like the original's `astimezone(utc).replace(tzinfo=None)`.
   * Throws {@link OutOfRangeError} when the conversion leaves years 1–9999.
   */
  toUtc(): PreciseDateTime {
    if (this.offsetSeconds === null) return this;
    return PreciseDateTime.fromEpochMicroseconds(this.epochMicroseconds());
  }

  /** This value shifted by a number of microseconds (offset kept). */
  plusMicroseconds(us: bigint): PreciseDateTime {
    return PreciseDateTime.fromEpochMicroseconds(this.wallMicroseconds() + us, this.offsetSeconds);
  }

  /** `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` of the UTC instant: the nflex wire format. */
  toRfc3339(): string {
    if (this.#rfc3339 !== undefined) return this.#rfc3339;
    const utc = this.toUtc();
    const text = `${pad(utc.year, 4)}-${pad(utc.month, 2)}-${pad(utc.day, 2)}T${pad(utc.hour, 2)}:${pad(utc.minute, 2)}:${pad(utc.second, 2)}${utc.microsecond === 0 ? "" : `.${pad(utc.microsecond, 6)}`}Z`;
    this.#rfc3339 = text;
    return text;
  }

  /** Python's `str(datetime)`: `YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM]`. */
  toString(): string {
    const base = `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)} ${pad(this.hour, 2)}:${pad(this.minute, 2)}:${pad(this.second, 2)}`;
    const frac = this.microsecond === 0 ? "" : `.${pad(this.microsecond, 6)}`;
    if (this.offsetSeconds === null) return base + frac;
    const sign = this.offsetSeconds < 0 ? "-" : "+";
    const abs = Math.abs(this.offsetSeconds);
    const secs = abs % 60 === 0 ? "" : `:${pad(abs % 60, 2)}`;
    return `${base}${frac}${sign}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor(abs / 60) % 60, 2)}${secs}`;
  }

  /** The instant as a `Date` (microseconds beyond the millisecond are dropped). */
  toDate(): Date {
    return new Date(Number(this.epochMicroseconds() / 1000n));
  }
}

function check(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidValueError(`${name} must be in ${min}..${max}`, name);
  }
}
