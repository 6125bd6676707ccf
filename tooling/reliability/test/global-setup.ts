/**
 * The fault suite's global setup: starts the real CloudKitty (the rating client is tried against it), gives
 * every file the JSON-lines file its row goes to, and prints the one table of all clients at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureServices } from "@meterkit/services";
import type { TestProject } from "vitest/node";
import { printTable } from "../src/campaign.js";
import { readRows } from "../src/results.js";

declare module "vitest" {
  export interface ProvidedContext {
    services: Record<string, string>;
    faultResults: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "meterkit-fault-"));
  const file = join(dir, "rows.jsonl");
  project.provide("faultResults", file);
  project.provide("services", await ensureServices(["cloudkitty"]));
  return () => {
    // Files finish in any order; the table keeps one: core first, then the clients by name.
    const rows = readRows(file).sort((a, b) =>
      a.client === "core" ? -1 : b.client === "core" ? 1 : a.client.localeCompare(b.client),
    );
    if (rows.length > 0) printTable(rows);
    rmSync(dir, { recursive: true, force: true });
  };
}
