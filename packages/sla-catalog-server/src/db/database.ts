/** What the catalog needs from a SQL engine: PGlite (embedded) and PostgreSQL both provide it. */
export interface SqlClient {
  /** Runs one statement with `$1…` placeholders and returns its rows. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** An open catalog database. @internal */
export interface Database extends SqlClient {
  readonly engine: "pglite" | "postgres";
  /** Runs `fn` in one transaction, committed when it resolves and rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the data lives: a PostgreSQL URL wins; otherwise an embedded PGlite directory (in memory when absent). */
export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

/** Opens the configured engine; the drivers are loaded lazily so that one engine never needs the other. @internal */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import("./postgres.js");
    return openPostgres(options.databaseUrl);
  }
  const { openPglite } = await import("./pglite.js");
  return openPglite(options.dataDir);
}
