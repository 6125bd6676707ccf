import { parseIsoDateTime } from "./parse-iso.js";
import { PreciseDateTime } from "./precise-datetime.js";

/**
 * Where "now" comes from. Inject one to make `last_seen_at` and time intervals reproducible.
 * A `Date` counts as a UTC instant; a naive {@link PreciseDateTime} counts as UTC wall time.
 * @public
 */
export type Clock = () => PreciseDateTime | Date;

/** The system clock (millisecond resolution, as `Date.now()`). @public */
export const systemClock: Clock = () => new Date();

/**
 * A clock frozen at one instant, for tests and replays: `fixedClock("2019-03-04T05:06:07.123456")`.
 * @public
 */
export function fixedClock(at: PreciseDateTime | Date | string): Clock {
  const value = typeof at === "string" ? parseIsoDateTime(at, "at") : at;
  return () => value;
}

/** Reads a clock and normalises the result to a naive UTC {@link PreciseDateTime}. @internal */
export function readClock(clock: Clock): PreciseDateTime {
  const now = clock();
  return now instanceof Date ? PreciseDateTime.fromDate(now).toUtc() : now.toUtc();
}
