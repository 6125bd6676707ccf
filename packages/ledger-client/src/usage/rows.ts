/**
 * Rows as whole-second intervals. Almanach keeps microseconds; billing counts whole seconds, so a row
 * covers `[⌊start⌋, ⌊end⌋)`: a resize row that starts where the previous one ended shares the boundary
 * second with neither a gap nor a double count. An open row (`end: null`) runs to the period's end.
 */
import type { Entity } from "../models.js";
import { OverlappingRowsError } from "./errors.js";

/** A row clipped to the period, in whole seconds. @internal */
export interface Span {
  row: Entity;
  start: number;
  end: number;
}

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/**
 * The rows of one entity clipped to `[from, to)`, sorted by start. Zero-length rows and rows outside the
 * period drop out; two rows that share a second throw {@link OverlappingRowsError}.
 * @internal
 */
export function spansOf(rows: readonly Entity[], from: number, to: number): Span[] {
  const spans: Span[] = [];
  for (const row of rows) {
    const start = seconds(row.start);
    const end = row.end === null ? Number.POSITIVE_INFINITY : seconds(row.end);
    if (end <= start) continue; // zero-length (or reversed) rows bill nothing
    // Overlaps are checked on the whole row, not the clipped part: a data error is one wherever it lies.
    spans.push({ row, start, end });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1] as Span;
    const cur = spans[i] as Span;
    if (cur.start < prev.end) throw new OverlappingRowsError(prev.row, cur.row);
  }
  const clipped: Span[] = [];
  for (const s of spans) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end > start) clipped.push({ row: s.row, start, end });
  }
  return clipped;
}
