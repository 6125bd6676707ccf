/**
 * @packageDocumentation
 * `@meterkit/allocation-client/agent`: a Waldur service provider's agent — orders, usage and membership
 * loops around a small backend interface, crash-safe and safe to run as an HA pair.
 */
export type { Agent, AgentOptions } from "./agent.js";
export { createAgent } from "./agent.js";
export type { AllocationBackend, Limits } from "./backend.js";
export type { AgentEvent, AgentLogger, AgentStatus, LoopName, LoopStatus } from "./events.js";
export type { OrderDecision, OrderPolicy } from "./orders.js";
