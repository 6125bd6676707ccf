/** A provider backend kept in memory, idempotent by order key, counting what it really did. */
import type { AllocationBackend, Limits } from "../../src/agent/index.js";

export interface Account {
  id: string;
  key: string;
  name: string;
  limits: Limits;
  users: Set<string>;
  usage: Limits;
  terminated: boolean;
}

export function memoryBackend(options: { refuse?: (name: string) => string | undefined } = {}) {
  const accounts = new Map<string, Account>();
  const byKey = new Map<string, string>();
  const applied = new Set<string>();
  const counts = { creates: 0, updates: 0, terminates: 0 };
  const backend: AllocationBackend = {
    async createAllocation({ key, name, limits }) {
      const existing = byKey.get(key);
      if (existing) return { backendId: existing };
      const refusal = options.refuse?.(name);
      if (refusal) throw new Error(refusal);
      const id = `acct-${accounts.size + 1}`;
      accounts.set(id, {
        id,
        key,
        name,
        limits: { ...limits },
        users: new Set(),
        usage: {},
        terminated: false,
      });
      byKey.set(key, id);
      counts.creates++;
      return { backendId: id };
    },
    async updateLimits({ key, backendId, limits }) {
      if (applied.has(key)) return;
      const a = accounts.get(backendId);
      if (!a) throw new Error(`no account ${backendId}`);
      a.limits = { ...limits };
      applied.add(key);
      counts.updates++;
    },
    async terminateAllocation({ key, backendId }) {
      if (applied.has(key)) return;
      const a = accounts.get(backendId);
      if (a) a.terminated = true;
      applied.add(key);
      counts.terminates++;
    },
    async listUsers(id) {
      return [...(accounts.get(id)?.users ?? [])];
    },
    async addUser(id, username) {
      accounts.get(id)?.users.add(username);
    },
    async removeUser(id, username) {
      accounts.get(id)?.users.delete(username);
    },
    async readUsage(id) {
      return { ...(accounts.get(id)?.usage ?? {}) };
    },
  };
  return { backend, accounts, counts };
}
