import pg from "pg";
import type { Database, SqlClient } from "./database.js";

/** A real PostgreSQL server through a small `pg` pool. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection that dies (the server restarts, an administrator ends it, a database is dropped while
  // the pool closes) is reported on the pool; without a listener that event would crash the process. The
  // pool drops the client and opens another on demand, and a query in flight fails on its own.
  pool.on("error", () => {});
  // Fail at start-up, not on the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const query = async <R>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] = []) =>
    (await client.query(sql, [...params])).rows as R[];
  // Without parameters pg uses the simple protocol, which accepts several statements.
  const exec = async (client: pg.Pool | pg.PoolClient, sql: string) => {
    await client.query(sql);
  };
  return {
    engine: "postgres",
    query: (sql, params) => query(pool, sql, params),
    exec: (sql) => exec(pool, sql),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const tx: SqlClient = {
          query: (sql, params) => query(client, sql, params),
          exec: (sql) => exec(client, sql),
        };
        const result = await fn(tx);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
