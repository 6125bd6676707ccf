/**
 * The buckets of a period: `[from, to)` cut at the calendar boundaries of a time zone (date-fns with
 * `@date-fns/tz`, so DST days have 23 or 25 hours and a repeated local hour is two buckets). The first and
 * last buckets are clipped to the period.
 */
import { TZDate, tzOffset } from "@date-fns/tz";
// One module per function: the package root re-exports all ~250 of date-fns's, which cost a fresh process
// ~80 ms of CPU to load as ES modules for the five used here.
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { startOfDay } from "date-fns/startOfDay";
import { startOfMonth } from "date-fns/startOfMonth";

/** How usage is cut in time. `period` is one bucket for the whole `[from, to)`. @public */
export type BucketSize = "hour" | "day" | "month" | "period";

/** One bucket: whole seconds since the epoch, `[start, end)`. @internal */
export interface Bucket {
  start: number;
  end: number;
}

type CalendarSize = "day" | "month";

function startOf(size: CalendarSize, date: TZDate): TZDate {
  return size === "day" ? startOfDay(date) : startOfMonth(date);
}

function next(size: CalendarSize, date: TZDate): TZDate {
  return size === "day" ? startOfDay(addDays(date, 1)) : startOfMonth(addMonths(date, 1));
}

const offsetOf = (zone: string, second: number): number => tzOffset(zone, new Date(second * 1000)) * 60;

/**
 * The first local-hour boundary after second `t`. Not date-fns' startOfHour: in a repeated hour (fall
 * back) a local time names two instants and startOfHour picks one, which merged or split hours (the oracle
 * test found it). A local hour ends at the next `hh:00` on the current offset, or earlier where the offset
 * changes (Lord Howe's 30-minute DST ends at 01:30 twice): that change is found by bisection on seconds.
 */
function nextHour(t: number, zone: string): number {
  const offset = offsetOf(zone, t);
  const local = t + offset;
  const candidate = t + 3600 - (((local % 3600) + 3600) % 3600);
  if (offsetOf(zone, candidate - 1) === offset) return candidate;
  let lo = t;
  let hi = candidate - 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetOf(zone, mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The buckets of `[from, to)` (whole seconds), in order, covering it exactly. @internal */
export function bucketsOf(from: number, to: number, size: BucketSize, timeZone: string): Bucket[] {
  if (size === "period") return [{ start: from, end: to }];
  const buckets: Bucket[] = [];
  if (size === "hour") {
    for (let start = from; start < to; ) {
      const end = Math.min(nextHour(start, timeZone), to);
      buckets.push({ start, end });
      start = end;
    }
    return buckets;
  }
  let cursor = startOf(size, new TZDate(from * 1000, timeZone));
  let start = from;
  while (start < to) {
    cursor = next(size, cursor);
    const boundary = Math.floor(cursor.getTime() / 1000);
    if (boundary <= start) throw new Error(`bucket boundary did not advance at ${cursor.toISOString()}`);
    const end = Math.min(boundary, to);
    buckets.push({ start, end });
    start = end;
  }
  return buckets;
}

/** Index of the bucket holding second `t` (buckets sorted, contiguous). @internal */
export function bucketIndex(buckets: readonly Bucket[], t: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((buckets[mid] as Bucket).start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
