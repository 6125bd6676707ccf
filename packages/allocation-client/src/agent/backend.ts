import type { Order } from "../schemas/order.js";
import type { Resource } from "../schemas/resource.js";

/** Limits by component type, e.g. `{ cpu_k_hours: 1000 }`. @public */
export type Limits = Record<string, number>;

/**
 * The provider's own system, as the agent sees it. Every mutating call carries `key`, the Waldur order's
 * UUID: the agent may call again with the same key after a crash or when a second agent (an HA pair)
 * recovers the same order, and the backend must then do nothing new and answer as the first time.
 * A thrown error fails the order (`set_state_erred` with the error's message); it is not retried.
 * @public
 */
export interface AllocationBackend {
  /** Create the allocation ordered by `key`, or return the one already made for it. Returns its id. */
  createAllocation(input: {
    key: string;
    name: string;
    limits: Limits;
    resource: Resource | undefined;
    order: Order;
  }): Promise<{ backendId: string }>;
  /** Set new limits; the same `key` again is a no-op. */
  updateLimits(input: { key: string; backendId: string; limits: Limits; order: Order }): Promise<void>;
  /**
   * Terminate the allocation; terminating a terminated one succeeds. Its usage so far has been read
   * (`readUsage`) and reported just before.
   */
  terminateAllocation(input: { key: string; backendId: string; order: Order }): Promise<void>;
  /** The usernames with access to the allocation. */
  listUsers(backendId: string): Promise<readonly string[]>;
  /** Grant / revoke access; both must be idempotent (membership sync repeats them after a crash). */
  addUser(backendId: string, username: string): Promise<void>;
  removeUser(backendId: string, username: string): Promise<void>;
  /**
   * The allocation's usage so far in the current billing period, by component type, as **totals** (not
   * increments): Waldur keeps one value per component and period and the agent overwrites it, so
   * reporting twice never doubles.
   */
  readUsage(backendId: string, resource: Resource): Promise<Limits>;
}
