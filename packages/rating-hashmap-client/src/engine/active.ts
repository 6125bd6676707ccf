/**
 * Which rules a server applies at a given time. CloudKitty 17's rules carry no dates; newer servers give
 * mappings `start`, `end` and `deleted` (migration 8a591f85865f, `VolatileAuditableModel`), and the module
 * loads only the rules `get_filters(is_active=…)` keeps (cloudkitty/rating/common/db/filters.py): `start <=
 * now`, `end > now` or no end, and not deleted, where `now` is the time of loading (the processor: the
 * period it rates). Rules carrying these fields are judged the same way here (thresholds too, should a
 * server date them); a rule marked `is_active: false` is left out as well.
 */
import { RatingEngineError } from "./python-values.js";

/** The fields of a rule that decide whether it applies. @internal */
export interface Dated {
  readonly start?: string | null | undefined;
  readonly end?: string | null | undefined;
  readonly deleted?: string | null | undefined;
  readonly is_active?: boolean | null | undefined;
}

/**
 * A server datetime in µs (Python datetimes have microseconds; JavaScript's `Date` keeps milliseconds).
 * CloudKitty writes naive datetimes (`2023-02-01T00:00:00`, from its own clock): read without an offset as
 * UTC, where JavaScript's `Date` would read local time.
 */
function time(text: string, what: string, id: string): number {
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d)?)(?:\.(\d{1,6}))?(Z|z|[+-]\d\d:?\d\d)?$/.exec(
    text.trim(),
  );
  const ms = m
    ? Date.parse(`${m[1]}T${m[2]}${m[4] ? m[4].replace(/^([+-]\d\d)(\d\d)$/, "$1:$2").toUpperCase() : "Z"}`)
    : Number.NaN;
  if (!m || Number.isNaN(ms))
    throw new RatingEngineError(`rule ${id}: ${what} ${JSON.stringify(text)} is not a date`);
  return ms * 1000 + Number((m[3] ?? "").padEnd(6, "0"));
}

/** The instant to judge rules at, in µs (default: now). @internal */
export function instant(at: Date | string | undefined): number {
  if (at === undefined) return Date.now() * 1000;
  const us = typeof at === "string" ? time(at, "at", "option") : at.getTime() * 1000;
  if (Number.isNaN(us)) throw new RatingEngineError("option at: is not a valid date");
  return us;
}

/** Whether the server would load this rule at `now` (µs). @internal */
export function applies(rule: Dated, id: string, now: number): boolean {
  if (rule.deleted != null || rule.is_active === false) return false;
  if (rule.start != null && time(rule.start, "start", id) > now) return false;
  if (rule.end != null && time(rule.end, "end", id) <= now) return false;
  return true;
}
