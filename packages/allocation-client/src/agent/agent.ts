import { createWaldurClient, type WaldurClient } from "../client.js";
import type { WaldurClientOptions } from "../context.js";
import type { ProjectUser } from "../schemas/team.js";
import type { AllocationBackend } from "./backend.js";
import { type AgentContext, emitter } from "./context.js";
import { type AgentLogger, type AgentStatus, type LoopName, newLoopStatus } from "./events.js";
import { type OrderPolicy, ordersPass } from "./orders.js";
import { backoffMs, messageOf, sleep } from "./run.js";
import { membershipPass, usagePass } from "./sync.js";

/** Options of {@link createAgent}. @public */
export interface AgentOptions {
  /**
   * A client, or options to make one. Made here, 409s are not retried: to the agent a 409 means "another
   * agent has this order", not "try again"; server errors (5xx, resets) are retried by the loop's backoff.
   */
  waldur: WaldurClient | WaldurClientOptions;
  /** The provider's system. */
  backend: AllocationBackend;
  /** UUIDs of the offerings this agent serves. */
  offerings: readonly string[];
  /** Approve or reject pending orders. Default: approve all. */
  policy?: OrderPolicy;
  /** The username an offering user gets when the agent creates one. Default: the Waldur username. */
  username?: (member: ProjectUser) => string;
  logger?: AgentLogger;
  /** Pause between passes of each loop, ms. Default 60 000 (orders), 3 600 000 (usage), 300 000 (membership). */
  intervalMs?: Partial<Record<LoopName, number>>;
  /** Orders / resources handled at once in a pass. Default 4. */
  concurrency?: number;
  /** Read and decide, log what would happen, change nothing in Waldur or the backend. */
  dryRun?: boolean;
  /** Backoff after a failed pass: base and cap in ms. Default 1 000 and 300 000. */
  backoff?: { baseMs?: number; maxMs?: number };
}

/** A provider agent: three loops, each runnable alone, and a single pass of each for cron-style use. @public */
export interface Agent {
  /** Run the named loops (default all three) until `signal` aborts; resolves once they have stopped. */
  run(signal: AbortSignal, loops?: readonly LoopName[]): Promise<void>;
  /**
   * One pass of a loop, or of all three in turn (orders, usage, membership) when `loop` is omitted — for
   * cron-style use. Throws what the pass threw; of all three, the first failure once each has run.
   */
  once(loop?: LoopName, signal?: AbortSignal): Promise<void>;
  /** Live status: last runs, failures, orders processed. */
  readonly status: AgentStatus;
}

const LOOPS: readonly LoopName[] = ["orders", "usage", "membership"];
const PASSES = { orders: ordersPass, usage: usagePass, membership: membershipPass } as const;
const INTERVALS: Record<LoopName, number> = { orders: 60_000, usage: 3_600_000, membership: 300_000 };

/**
 * Create a provider agent for `offerings`: orders → backend allocations, backend usage → Waldur, project
 * teams → backend users.
 * @example
 * ```ts
 * const agent = createAgent({ waldur: { baseUrl, token }, backend, offerings: [offeringUuid] });
 * await agent.run(AbortSignal.timeout(3_600_000));
 * ```
 * @public
 */
export function createAgent(options: AgentOptions): Agent {
  const client =
    "orders" in options.waldur
      ? options.waldur
      : createWaldurClient({ conflictRetry: { attempts: 1 }, ...options.waldur });
  const status: AgentStatus = {
    orders: newLoopStatus(),
    usage: newLoopStatus(),
    membership: newLoopStatus(),
    ordersProcessed: 0,
  };
  const emit = emitter(options.logger);
  const context = (signal: AbortSignal): AgentContext => ({
    client,
    backend: options.backend,
    offerings: options.offerings,
    policy: options.policy ?? (() => ({ approve: true })),
    username: options.username ?? ((m) => m.username ?? ""),
    concurrency: options.concurrency ?? 4,
    dryRun: options.dryRun ?? false,
    view: "provider",
    status,
    signal,
    emit,
  });
  async function once(loop: LoopName | undefined, signal = new AbortController().signal): Promise<void> {
    if (loop === undefined) {
      let failure: { error: unknown } | undefined;
      for (const name of LOOPS) {
        try {
          await once(name, signal);
        } catch (error) {
          failure ??= { error };
        }
      }
      if (failure) throw failure.error;
      return;
    }
    const s = status[loop];
    s.runs++;
    try {
      await PASSES[loop](context(signal));
      s.lastSuccessAt = new Date();
      s.consecutiveFailures = 0;
      s.lastError = null;
    } catch (error) {
      // Stopping mid-pass aborts its requests: that is not a failure of the pass.
      if (signal.aborted) throw error;
      s.failures++;
      s.consecutiveFailures++;
      s.lastError = messageOf(error);
      throw error;
    } finally {
      s.lastRunAt = new Date();
    }
  }
  async function loop(name: LoopName, signal: AbortSignal): Promise<void> {
    const interval = options.intervalMs?.[name] ?? INTERVALS[name];
    while (!signal.aborted) {
      let wait = interval;
      try {
        await once(name, signal);
      } catch (error) {
        if (signal.aborted) break;
        wait = backoffMs(
          status[name].consecutiveFailures,
          options.backoff?.baseMs ?? 1000,
          options.backoff?.maxMs ?? 300_000,
        );
        emit("warn", { event: "loop.failed", loop: name, message: messageOf(error), retryInMs: wait });
      }
      await sleep(wait, signal);
    }
    emit("info", { event: "loop.stopped", loop: name });
  }
  return {
    status,
    once,
    run: async (signal, loops = LOOPS) => {
      await Promise.all(loops.map((l) => loop(l, signal)));
    },
  };
}
