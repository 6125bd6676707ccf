import type { WaldurClient } from "../client.js";
import type { ResourceView } from "../resources/resource-reads.js";
import type { ProjectUser } from "../schemas/team.js";
import type { AllocationBackend } from "./backend.js";
import type { AgentEvent, AgentLogger, AgentStatus } from "./events.js";
import type { OrderPolicy } from "./orders.js";

/** What one pass of a loop needs. @internal */
export interface AgentContext {
  client: WaldurClient;
  backend: AllocationBackend;
  offerings: readonly string[];
  policy: OrderPolicy;
  username: (member: ProjectUser) => string;
  concurrency: number;
  dryRun: boolean;
  view: ResourceView;
  status: AgentStatus;
  signal: AbortSignal;
  emit(level: "info" | "warn", event: AgentEvent): void;
}

export function emitter(logger: AgentLogger | undefined) {
  return (level: "info" | "warn", event: AgentEvent) => logger?.[level](event.event, event);
}
