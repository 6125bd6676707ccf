/** What the agent reports to its logger, one structured event per step. @public */
export type AgentEvent =
  | { event: "order.taken"; order: string; type: string; resource: string | null }
  | { event: "order.rejected"; order: string; reason: string }
  | { event: "order.skipped"; order: string; reason: "taken-by-another-agent" | "dry-run" }
  | { event: "order.done"; order: string; type: string; backendId: string }
  | { event: "order.erred"; order: string; message: string }
  | { event: "usage.submitted"; resource: string; planPeriod: string; usages: Record<string, number> }
  | { event: "user.added" | "user.removed"; resource: string; username: string }
  | { event: "offering-user.created"; user: string; username: string }
  | { event: "loop.failed"; loop: LoopName; message: string; retryInMs: number }
  | { event: "loop.stopped"; loop: LoopName };

/** The three loops. @public */
export type LoopName = "orders" | "usage" | "membership";

/** Where events go: `info` for steps, `warn` for failures (any logger with these two methods fits). @public */
export interface AgentLogger {
  info(message: string, fields: AgentEvent): void;
  warn(message: string, fields: AgentEvent): void;
}

/** How one loop is doing. @public */
export interface LoopStatus {
  runs: number;
  /** When the last cycle finished, successful or not. */
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  /** Cycles that failed in a row (reset by a success). */
  consecutiveFailures: number;
  failures: number;
  lastError: string | null;
}

/** The agent's status object. @public */
export interface AgentStatus {
  orders: LoopStatus;
  usage: LoopStatus;
  membership: LoopStatus;
  /** Orders finished by this agent (done + erred + rejected). */
  ordersProcessed: number;
}

export function newLoopStatus(): LoopStatus {
  return {
    runs: 0,
    lastRunAt: null,
    lastSuccessAt: null,
    consecutiveFailures: 0,
    failures: 0,
    lastError: null,
  };
}
