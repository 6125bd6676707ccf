/**
 * A fresh PostgreSQL database for the SLA catalog stand-in, on the project's PostgreSQL (started with
 * CloudKitty). The embedded engine (PGlite) needs no server but takes seconds of CPU to start; a database
 * on a running server is ready in a blink. Dropped again by the cleanup.
 */
import pg from "pg";
import type { Cleanup } from "./cleanup.js";

/** Creates database `mkdemo_<runId>` on the server of `serverUrl`; returns its URL. */
export async function createCatalogDatabase(
  serverUrl: string,
  runId: string,
  cleanup: Cleanup,
): Promise<string> {
  const name = `mkdemo_${runId}`;
  // The name is ours (hex run id), so quoting it as an identifier is enough.
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  cleanup.add("SLA catalog database", async () => {
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
