import { isPlainObject, pyFloatRepr, pyTruthy, pyTypeName } from "@meterkit/core/python";
import { InvalidTypeError, MissingKeyError } from "../errors.js";
import { type Clock, readClock, systemClock } from "./clock.js";
import type { PreciseDateTime } from "./precise-datetime.js";
import { strptime } from "./strptime.js";
import { pyAdd, secondsToMicroseconds } from "./timedelta.js";

/** The parts of a module event that {@link setupTimeInterval} reads (wire names). @public */
export interface TimeIntervalEvent {
  /** When data was last fetched, as text in `timeFormat`; absent/null on the first run. */
  last_update?: string | null;
  /** Poll interval in seconds; wins over `resource.poll_interval` whenever the key exists. */
  poll_interval?: number | null;
  /** The resource; its `poll_interval` (default 900) is used when the event has none. */
  resource?: { poll_interval?: number | null; [key: string]: unknown } | null;
  [key: string]: unknown;
}

/** Anything with an `info(text)` method, such as {@link Logger}. @public */
export interface InfoLogger {
  /**
   * Called once per interval computed from `last_update`: the backfill notice when the end was capped, else
   * `""`.
   */
  info(message: string): void;
}

/** Options of {@link setupTimeInterval}; all durations in seconds. @public */
export interface TimeIntervalOptions {
  /** Longest interval to fetch after `last_update`; null/0 means no cap. */
  backfillTime?: number | null;
  /** Added to the poll interval on the first run (default 0). */
  initialInterval?: number | undefined;
  /** Subtracted from "now" to allow for provider delays (default 0). */
  skew?: number | undefined;
  /** Python `strptime` format of `last_update` (default `%Y-%m-%dT%H:%M:%S.%fZ`). */
  timeFormat?: string;
  /** Receives the backfill message (`""` when not backfilling) whenever `last_update` is set. */
  logger?: InfoLogger | null;
  /** Where "now" comes from (default: the system clock). */
  clock?: Clock;
}

/** `[startTime, endTime]` as naive UTC values. @public */
export type TimeInterval = readonly [startTime: PreciseDateTime, endTime: PreciseDateTime];

/**
 * The time interval to fetch, from the event's `last_update` and poll interval, exactly as the
 * original computes it: `end = now − skew`; on the first run `start = end − (poll + initial)`;
 * otherwise `start = last_update`, and `end` is capped at `start + backfillTime` when the gap is
 * larger. There is no clamping: a future `last_update` gives start > end.
 * @public
 */
export function setupTimeInterval(event: TimeIntervalEvent, options: TimeIntervalOptions = {}): TimeInterval {
  const lastUpdate = event.last_update ?? null;
  const poll = pollInterval(event);
  // `undefined` means "not given" (as the README says), so `{ skew: undefined }` is the default;
  // `null` is the original's `None` and still fails as there.
  const initial = options.initialInterval === undefined ? 0 : options.initialInterval;
  const skew = options.skew === undefined ? 0 : options.skew;
  const timeFormat = options.timeFormat ?? "%Y-%m-%dT%H:%M:%S.%fZ";
  const now = readClock(options.clock ?? systemClock);
  let end = now.plusMicroseconds(-secondsToMicroseconds(skew, "skew"));
  if (lastUpdate === null) {
    const span = pyAdd(poll, initial, "initialInterval");
    return [end.plusMicroseconds(-secondsToMicroseconds(span, "initialInterval")), end];
  }
  if (typeof lastUpdate !== "string") {
    throw new InvalidTypeError(
      `last_update: strptime() argument 1 must be str, not ${pyTypeName(lastUpdate)}`,
      "last_update",
    );
  }
  const start = strptime(lastUpdate, timeFormat, "last_update");
  if (!start.naive) {
    throw new InvalidTypeError(
      "last_update: can't subtract offset-naive and offset-aware datetimes",
      "last_update",
    );
  }
  const diffSeconds = Number(end.wallMicroseconds() - start.wallMicroseconds()) / 1e6;
  const backfill = options.backfillTime ?? null;
  let info = "";
  if (pyTruthy(backfill)) {
    const cap = typeof backfill === "boolean" ? Number(backfill) : backfill;
    if (typeof cap !== "number") {
      throw new InvalidTypeError(
        `backfillTime: '>' not supported between 'float' and '${pyTypeName(backfill)}'`,
        "backfillTime",
      );
    }
    if (diffSeconds > cap) {
      end = start.plusMicroseconds(secondsToMicroseconds(cap, "backfillTime"));
      info = `Backfilling start_time ${start} end_time ${end}\nMax backfill time is ${pyFloatRepr(cap / 3600)} hours`;
    }
  }
  options.logger?.info(info);
  return [start, end];
}

// `event['poll_interval']` when the key exists (even if None), else
// `event['resource'].get('poll_interval', 900)`, else the original's KeyError('resource').
function pollInterval(event: TimeIntervalEvent): unknown {
  if (Object.hasOwn(event, "poll_interval")) return event.poll_interval;
  if (!Object.hasOwn(event, "resource")) {
    throw new MissingKeyError("event has neither 'poll_interval' nor 'resource'", "resource");
  }
  const resource: unknown = event.resource;
  if (!isPlainObject(resource)) {
    throw new InvalidTypeError(
      `resource: '${pyTypeName(resource)}' object has no attribute 'get'`,
      "resource",
    );
  }
  return Object.hasOwn(resource, "poll_interval") ? resource.poll_interval : 900;
}
