import pg from "pg";

/** A throw-away database made by {@link createScratchDatabase}. @public */
export interface ScratchDatabase {
  /** Its connection URL. */
  readonly url: string;
  /** Drops it (connections still open to it are closed by the server). */
  drop(): Promise<void>;
}

/**
 * Creates a fresh, empty database next to `adminUrl` (same server and credentials) and returns its URL;
 * `drop()` removes it. Tests use one database each so that runs on one PostgreSQL server do not collide.
 * @public
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix = "sla_catalog",
): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => run(`drop database if exists ${name} with (force)`) };
}
