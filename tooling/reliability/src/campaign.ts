/**
 * Runs many operations through a client behind a fault proxy and tallies what happened. Every operation
 * must either succeed or fail with one of meterkit's typed errors; anything else is an untyped failure.
 */
import { isSdkError } from "@meterkit/core";
import { FAULT_KINDS, type FaultKind, type FaultProxy } from "./fault-proxy.js";

export interface CampaignRow {
  client: string;
  operations: number;
  /** HTTP requests that reached the proxy (first attempts, retries, pages). */
  requests: number;
  faults: number;
  byKind: Record<FaultKind, number>;
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
  /** What counts as a typed error. Default core's `isSdkError` (connector-model has its own family). */
  isTyped?: (error: unknown) => boolean;
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
            if ((o.isTyped ?? isSdkError)(error)) typed++;
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
    requests: stats.requests,
    faults: Object.values(stats.faults).reduce((a, b) => a + b, 0),
    byKind: stats.faults,
    retries: o.retries(),
    successes,
    typedFailures: typed,
    untypedFailures: untyped,
    duplicates: stats.duplicates,
    unhandledRejections: unhandled,
    openSockets: o.proxy.openSockets(),
  };
}

const METRICS: readonly [string, (row: CampaignRow) => number][] = [
  ["operations", (r) => r.operations],
  ["requests", (r) => r.requests],
  ["faults injected", (r) => r.faults],
  ...FAULT_KINDS.map((k): [string, (row: CampaignRow) => number] => [`  ${k}`, (r) => r.byKind[k] ?? 0]),
  ["retries", (r) => r.retries],
  ["successes", (r) => r.successes],
  ["typed failures", (r) => r.typedFailures],
  ["untyped failures", (r) => r.untypedFailures],
  ["duplicates", (r) => r.duplicates],
  ["unhandled rejections", (r) => r.unhandledRejections],
  ["open sockets", (r) => r.openSockets],
];

/** One table, a column per client plus a total, a line per figure (faults broken down by kind). */
export function formatTable(rows: readonly CampaignRow[]): string {
  const header = ["", ...rows.map((r) => r.client), "total"];
  const lines = METRICS.map(([label, get]) => {
    const values = rows.map(get);
    return [label, ...values.map(String), String(values.reduce((a, b) => a + b, 0))];
  });
  const widths = header.map((_, c) => Math.max(...[header, ...lines].map((line) => line[c]?.length ?? 0)));
  const render = (line: readonly string[]) =>
    line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [render(header), rule, ...lines.map(render)].join("\n");
}

/** Print {@link formatTable} under a title (the fault suite's global teardown calls it once). */
export function printTable(rows: readonly CampaignRow[]): void {
  console.log(`\nfault suite: every operation behind the seeded fault proxy\n${formatTable(rows)}\n`);
}
