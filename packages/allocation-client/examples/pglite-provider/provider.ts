/**
 * A service provider whose "cluster" keeps its accounts in a PGlite (embedded PostgreSQL) directory: the
 * backend the agent drives, the policy it decides orders by, and the agent wired to both.
 *
 * Crash safety lives in the tables, not in memory: an account is found again by the order that created it
 * (`order_key` is unique), an Update or Terminate is recorded in `applied_orders` in the same transaction as
 * its effect, and usage is read as this month's totals from the accounting records, so whatever instant the
 * process dies at, the agent's repeat of the step changes nothing.
 */
import { PGlite } from "@electric-sql/pglite";
import type { WaldurClientOptions } from "@meterkit/allocation-client";
import {
  type Agent,
  type AgentLogger,
  type AllocationBackend,
  createAgent,
  type Limits,
  type OrderPolicy,
} from "@meterkit/allocation-client/agent";

const SCHEMA = `
set timezone = 'UTC';
create sequence if not exists account_numbers;
create table if not exists accounts (
  id text primary key,                  -- the cluster account, e.g. proj_0001
  order_key text not null unique,       -- the Create order's UUID: the agent's idempotency key
  name text not null,
  limits jsonb not null,
  terminated_at timestamptz
);
create unique index if not exists accounts_live_name on accounts (name) where terminated_at is null;
create table if not exists applied_orders (
  key text primary key,                 -- an Update or Terminate order already applied
  account_id text not null references accounts (id)
);
create table if not exists account_users (
  account_id text not null references accounts (id),
  username text not null,
  primary key (account_id, username)
);
create table if not exists usage_records (  -- what the scheduler's accounting writes
  id bigserial primary key,
  account_id text not null references accounts (id),
  component text not null,
  amount numeric(14, 2) not null,
  at timestamptz not null
);`;

/** Options of {@link startProvider}. */
export interface ProviderOptions {
  waldur: WaldurClientOptions;
  offerings: readonly string[];
  /** PGlite data directory; in memory when absent. */
  dataDir?: string;
  /** Orders asking more than this many CPU k-hours are rejected. Default 50 000. */
  maxCpuKHours?: number;
  /** The clock usage periods are read by. Default: the system clock. */
  now?: () => Date;
  logger?: AgentLogger;
}

/** What the provider's system holds about one account. */
export interface AccountRow {
  id: string;
  orderKey: string;
  name: string;
  limits: Limits;
  terminated: boolean;
  users: string[];
}

export interface Provider {
  agent: Agent;
  /** The scheduler's accounting: `amount` of `component` used by `accountId` at `at`. */
  recordUsage(accountId: string, component: string, amount: number, at: Date): Promise<void>;
  /** Every account, by id, with its users. */
  accounts(): Promise<AccountRow[]>;
  close(): Promise<void>;
}

/** Open (or create) the provider's database and make its agent. */
export async function startProvider(options: ProviderOptions): Promise<Provider> {
  const db = new PGlite(options.dataDir);
  await db.exec(SCHEMA);
  const now = options.now ?? (() => new Date());
  const max = options.maxCpuKHours ?? 50_000;

  const backend: AllocationBackend = {
    async createAllocation({ key, name, limits }) {
      return db.transaction(async (tx) => {
        const made = await tx.query<{ id: string }>("select id from accounts where order_key = $1", [key]);
        if (made.rows[0]) return { backendId: made.rows[0].id };
        const live = await tx.query("select 1 from accounts where name = $1 and terminated_at is null", [
          name,
        ]);
        // Thrown: the order ends `erred` with this message, which the consumer sees.
        if (live.rows.length) throw new Error(`an active account is already named ${name}`);
        const { rows } = await tx.query<{ id: string }>(
          `insert into accounts (id, order_key, name, limits)
           values ('proj_' || lpad(nextval('account_numbers')::text, 4, '0'), $1, $2, $3::jsonb) returning id`,
          [key, name, JSON.stringify(limits)],
        );
        return { backendId: (rows[0] as { id: string }).id };
      });
    },
    async updateLimits({ key, backendId, limits }) {
      await once(key, backendId, (tx) =>
        tx.query("update accounts set limits = $2::jsonb where id = $1", [backendId, JSON.stringify(limits)]),
      );
    },
    async terminateAllocation({ key, backendId }) {
      await once(key, backendId, async (tx) => {
        await tx.query("update accounts set terminated_at = $2 where id = $1", [backendId, now()]);
        await tx.query("delete from account_users where account_id = $1", [backendId]);
      });
    },
    async listUsers(backendId) {
      const { rows } = await db.query<{ username: string }>(
        "select username from account_users where account_id = $1 order by username",
        [backendId],
      );
      return rows.map((r) => r.username);
    },
    async addUser(backendId, username) {
      await db.query("insert into account_users values ($1, $2) on conflict do nothing", [
        backendId,
        username,
      ]);
    },
    async removeUser(backendId, username) {
      await db.query("delete from account_users where account_id = $1 and username = $2", [
        backendId,
        username,
      ]);
    },
    // Totals of the current calendar month (Waldur's billing period), not increments.
    async readUsage(backendId) {
      const { rows } = await db.query<{ component: string; total: string }>(
        `select component, sum(amount)::text as total from usage_records
         where account_id = $1 and at >= date_trunc('month', $2::timestamptz)
           and at < date_trunc('month', $2::timestamptz) + interval '1 month'
         group by component order by component`,
        [backendId, now()],
      );
      return Object.fromEntries(rows.map((r) => [r.component, Number(r.total)]));
    },
  };

  type Tx = Parameters<Parameters<PGlite["transaction"]>[0]>[0];
  /** Apply an Update or Terminate order's effect exactly once: the marker commits with the effect. */
  async function once(key: string, backendId: string, effect: (tx: Tx) => Promise<unknown>): Promise<void> {
    await db.transaction(async (tx) => {
      const done = await tx.query("select 1 from applied_orders where key = $1", [key]);
      if (done.rows.length) return;
      await effect(tx);
      await tx.query("insert into applied_orders values ($1, $2)", [key, backendId]);
    });
  }

  const policy: OrderPolicy = (order) =>
    Number(order.limits?.cpu_k_hours ?? 0) > max
      ? { approve: false, reason: `at most ${max} CPU k-hours per allocation` }
      : { approve: true };

  const agent = createAgent({
    waldur: options.waldur,
    offerings: options.offerings,
    backend,
    policy,
    ...(options.logger ? { logger: options.logger } : {}),
  });

  return {
    agent,
    async recordUsage(accountId, component, amount, at) {
      await db.query(
        "insert into usage_records (account_id, component, amount, at) values ($1, $2, $3, $4)",
        [accountId, component, amount, at],
      );
    },
    async accounts() {
      const { rows } = await db.query<{
        id: string;
        order_key: string;
        name: string;
        limits: Limits;
        terminated: boolean;
        users: string[];
      }>(
        `select a.id, a.order_key, a.name, a.limits, a.terminated_at is not null as terminated,
                coalesce(array_agg(u.username order by u.username) filter (where u.username is not null), '{}') as users
         from accounts a left join account_users u on u.account_id = a.id
         group by a.id order by a.id`,
      );
      return rows.map((r) => ({
        id: r.id,
        orderKey: r.order_key,
        name: r.name,
        limits: r.limits,
        terminated: r.terminated,
        users: r.users,
      }));
    },
    close: () => db.close(),
  };
}
