import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Database, openDatabase, type SqlClient } from "./db/database.js";
import { migrate } from "./db/migrations.js";
import { readJson } from "./http/body.js";
import { Problem } from "./http/problem.js";
import { type Context, match, type Route } from "./http/router.js";
import type { Clock } from "./model/dates.js";
import { feeRoutes } from "./resources/fees.js";
import { guaranteeRoutes } from "./resources/guarantees.js";
import { offerRoutes } from "./resources/offers.js";
import { partyRoutes } from "./resources/parties.js";
import { productRoutes } from "./resources/products.js";
import { templateRoutes } from "./resources/templates.js";
import { unitResourceRoutes } from "./resources/unit-resources.js";

/** Where the API lives under the server's origin. @public */
export const BASE_PATH = "/sla-catalog/v1";

const ROUTES: readonly Route[] = [
  ...partyRoutes,
  ...productRoutes,
  ...templateRoutes,
  ...offerRoutes,
  ...unitResourceRoutes,
  ...feeRoutes,
  ...guaranteeRoutes,
];

/** Options of {@link startSlaCatalog}. @public */
export interface SlaCatalogOptions {
  /** Default 0: a free port, like the other stand-ins (the `sla-catalog` CLI's own default is 8080, SLA@SOI's port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A PostgreSQL connection URL; when set, the data lives there. */
  databaseUrl?: string | undefined;
  /** The embedded (PGlite) data directory when no `databaseUrl` is given; in memory when absent. */
  dataDir?: string | undefined;
  /** "Now", for the server's default dates. Default: the system clock. */
  clock?: Clock;
}

/** A running catalog service. @public */
export interface SlaCatalogServer {
  /** The API base URL, e.g. `http://127.0.0.1:8080/sla-catalog/v1`. */
  readonly url: string;
  /** Which engine holds the data. */
  readonly engine: "pglite" | "postgres";
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the SLA catalog service: the reference implementation of the REST API behind the SLA@SOI
 * provider tools, on node:http, with its data in PGlite (embedded) or PostgreSQL. Migrations run at start.
 * @public
 */
export async function startSlaCatalog(options: SlaCatalogOptions = {}): Promise<SlaCatalogServer> {
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const clock = options.clock ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  const write = <T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> => {
    const run = queue.then(() => db.transaction(fn));
    queue = run.catch(() => undefined);
    return run;
  };
  const server = createServer((req, res) => {
    handle(req, res, db, clock, write).catch(() => res.destroy());
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${BASE_PATH}`,
    engine: db.engine,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      await db.close();
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  db: Database,
  clock: Clock,
  write: Context["write"],
): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  try {
    if (!url.pathname.startsWith(`${BASE_PATH}/`))
      throw new Problem(404, "not_found", "Not found", `no resource at ${url.pathname}`);
    const { route, params } = match(ROUTES, req.method ?? "GET", url.pathname.slice(BASE_PATH.length));
    const reply = await route.handler({
      db,
      clock,
      params,
      query: url.searchParams,
      base: `${url.origin}${BASE_PATH}`,
      url,
      body: () => readJson(req),
      write,
    });
    res.writeHead(reply.status, {
      ...(reply.body === undefined ? {} : { "content-type": "application/json" }),
      ...reply.headers,
    });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  } catch (error) {
    const problem = error instanceof Problem ? error : fromDatabase(error);
    res.writeHead(problem.status, { "content-type": "application/problem+json" });
    res.end(JSON.stringify(problem.toJSON(url.pathname)));
  }
}

/** Constraint violations the handlers missed still become 409s; anything else is a 500 without internals. */
function fromDatabase(error: unknown): Problem {
  const code = (error as { code?: string } | null)?.code;
  if (code === "23503")
    return new Problem(
      409,
      "in_use",
      "Resource in use",
      "the change would break a reference between resources",
    );
  if (code === "23505")
    return new Problem(409, "already_exists", "Already exists", "a resource with this key already exists");
  if (code === "23514")
    return new Problem(422, "validation_failed", "Validation failed", "a value is out of its allowed range");
  return new Problem(500, "internal", "Internal error", "the service failed to handle the request");
}
