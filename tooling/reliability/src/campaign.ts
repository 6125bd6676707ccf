/**
 * Runs many operations through a client behind a fault proxy and tallies what happened. Every operation
 * must either succeed or fail with one of meterkit's typed errors; anything else is an untyped failure.
 */
import { isSdkError } from "@meterkit/core";
import { FAULT_KINDS, type FaultProxy } from "./fault-proxy.js";

export interface CampaignRow {
  client: string;
  operations: number;
  faults: number;
  byKind: string;
  retries: number;
  successes: number;
  typedFailures: number;
  untypedFailures: number;
  duplicates: number;
  unhandledRejections: number;
  openSockets: number;
}

export interface Operation {
  name: string;
  run: () => Promise<unknown>;
}

export const retryCounter = () => {
  const counter = { retries: 0, onRetry: () => void counter.retries++ };
  return counter;
};

export async function runCampaign(o: {
  client: string;
  proxy: FaultProxy;
  operations: readonly Operation[];
  concurrency?: number;
  retries: () => number;
  /** Close the client's dispatcher, so the open-socket count means something. */
  closeClient: () => Promise<void>;
  onUntyped?: (op: string, error: unknown) => void;
}): Promise<CampaignRow> {
  let unhandled = 0;
  const onUnhandled = () => void unhandled++;
  process.on("unhandledRejection", onUnhandled);
  let successes = 0;
  let typed = 0;
  let untyped = 0;
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: o.concurrency ?? 4 }, async () => {
        while (next < o.operations.length) {
          const op = o.operations[next++]!;
          try {
            await op.run();
            successes++;
          } catch (error) {
            if (isSdkError(error)) typed++;
            else {
              untyped++;
              o.onUntyped?.(op.name, error);
            }
          }
        }
      }),
    );
    await o.closeClient();
    await new Promise((r) => setTimeout(r, 50)); // let socket close events land
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
  const stats = o.proxy.stats();
  return {
    client: o.client,
    operations: o.operations.length,
    faults: Object.values(stats.faults).reduce((a, b) => a + b, 0),
    byKind: FAULT_KINDS.filter((k) => stats.faults[k] > 0)
      .map((k) => `${k}:${stats.faults[k]}`)
      .join(" "),
    retries: o.retries(),
    successes,
    typedFailures: typed,
    untypedFailures: untyped,
    duplicates: stats.duplicates,
    unhandledRejections: unhandled,
    openSockets: o.proxy.openSockets(),
  };
}

export function printTable(rows: readonly CampaignRow[]): void {
  console.log("\nfault suite");
  console.table(rows.map(({ byKind, ...rest }) => rest));
  for (const row of rows) console.log(`${row.client} faults by kind: ${row.byKind}`);
}
