/** What every client's campaign must show, and where its row goes for the one table. */
import { expect, inject } from "vitest";
import type { CampaignRow } from "../../src/campaign.js";
import { recordRow } from "../../src/results.js";

/** Record the row for the global table (before asserting, so a failing client still shows its figures). */
export function record(row: CampaignRow): CampaignRow {
  recordRow(inject("faultResults"), row);
  return row;
}

/** The promises: every operation ends typed, nothing is sent twice, nothing is left behind. */
export function expectResilient(row: CampaignRow, operations: number): void {
  expect(row.operations).toBe(operations);
  expect(row.successes + row.typedFailures + row.untypedFailures).toBe(operations);
  expect(row.faults, "the schedule injected faults").toBeGreaterThan(operations / 10);
  expect(row.untypedFailures, "untyped failures").toBe(0);
  expect(row.duplicates, "non-idempotent requests that reached the server twice").toBe(0);
  expect(row.unhandledRejections, "unhandled rejections").toBe(0);
  expect(row.openSockets, "sockets left open").toBe(0);
}
