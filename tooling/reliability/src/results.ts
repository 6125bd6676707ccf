/**
 * The fault suite runs one test file per client, but prints one table: each file appends its row to a
 * JSON-lines file that the global setup created, and the global teardown prints them all.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { CampaignRow } from "./campaign.js";

/** Append one client's row (appendFileSync of one line: files run one at a time, nothing interleaves). */
export function recordRow(file: string, row: CampaignRow): void {
  appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** Every row recorded so far, in the order the files ran. */
export function readRows(file: string): CampaignRow[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CampaignRow);
}
