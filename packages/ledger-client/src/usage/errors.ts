import { SdkError } from "@meterkit/core";
import { PKG } from "../package-name.js";

/** Where an offending row is: enough to find it in Almanach (`almanach entity ENTITY_ID`). @public */
export interface RowRef {
  entityId: string;
  start: Date;
  end: Date | null;
}

/**
 * Two rows of one entity cover the same second. Almanach closes a row where the next one starts, so an
 * overlap is a data error; counting both would bill that time twice, so nothing is computed.
 * @public
 */
export class OverlappingRowsError extends SdkError {
  readonly first: RowRef;
  readonly second: RowRef;
  constructor(first: RowRef, second: RowRef) {
    super(
      "overlapping_rows",
      `[${PKG}] entity ${first.entityId}: rows ${span(first)} and ${span(second)} overlap (an entity is billed once per second)`,
    );
    // Only the identifying fields: the error must not carry (or print) the rows' metadata.
    this.first = { entityId: first.entityId, start: first.start, end: first.end };
    this.second = { entityId: second.entityId, start: second.start, end: second.end };
  }
}

function span(row: RowRef): string {
  return `[${row.start.toISOString()}, ${row.end ? row.end.toISOString() : "open"})`;
}
