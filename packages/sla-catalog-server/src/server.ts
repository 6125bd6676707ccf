import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authorize } from "./auth/policy.js";
import { authenticate, seedToken, TokenRefused, type TokenSeed } from "./auth/tokens.js";
import { type Database, openDatabase, type SqlClient } from "./db/database.js";
import { migrate } from "./db/migrations.js";
import { readJson } from "./http/body.js";
import { Problem } from "./http/problem.js";
import { type Context, match, type Route } from "./http/router.js";
import type { Clock } from "./model/dates.js";
import { openApiText } from "./openapi/serve.js";
import { feeRoutes } from "./resources/fees.js";
import { guaranteeRoutes } from "./resources/guarantees.js";
import { offerRoutes } from "./resources/offers.js";
import { partyRoutes } from "./resources/parties.js";
import { productRoutes } from "./resources/products.js";
import { templateRoutes } from "./resources/templates.js";
import { unitResourceRoutes } from "./resources/unit-resources.js";

/** The advisory lock every write transaction holds (migrations hold 4242001). */
const WRITE_LOCK = 4242002;

/** Where the API lives under the server's origin. @public */
export const BASE_PATH = "/sla-catalog/v1";

/** Every route the API answers (the authorization matrix test walks them). @internal */
export const ROUTES: readonly Route[] = [
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
  /** Receives one structured entry per request (and per lifecycle event). Default: no logs. */
  log?: ((entry: LogEntry) => void) | undefined;
  /** How long `close()` lets in-flight requests finish before cutting their connections. Default 10 000 ms. */
  shutdownGraceMs?: number | undefined;
  /**
   * Tokens to accept from the start (stored hashed, like those `sla-catalog-server token create` makes).
   * Without any token, nothing can be written: the catalog is closed by default.
   */
  tokens?: readonly TokenSeed[] | undefined;
  /** Let requests without a token read (GET) the catalog. Default false: every request needs a token. */
  anonymousRead?: boolean | undefined;
}

/** One structured log entry: JSON-serialisable, never a header value or a body. @public */
export interface LogEntry {
  readonly time: string;
  readonly level: "info" | "warn" | "error";
  readonly msg: string;
  readonly requestId?: string;
  readonly method?: string;
  readonly path?: string;
  readonly status?: number;
  readonly durationMs?: number;
  readonly [key: string]: unknown;
}

/** A running catalog service. @public */
export interface SlaCatalogServer {
  /** The API base URL, e.g. `http://127.0.0.1:8080/sla-catalog/v1`. */
  readonly url: string;
  /** Which engine holds the data. */
  readonly engine: "pglite" | "postgres";
  /** True once at least one API token that is not revoked exists (without one, nothing can be written). */
  hasTokens(): Promise<boolean>;
  /**
   * Graceful stop: no new connections, in-flight requests finish (up to `shutdownGraceMs`), pending writes
   * settle, then the database closes.
   */
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
    if (options.tokens?.length) {
      await db.transaction(async (tx) => {
        for (const seed of options.tokens ?? []) await seedToken(tx, seed);
      });
    }
  } catch (error) {
    await db.close();
    throw error;
  }
  const clock = options.clock ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  // Writes are serialised twice: in this process (the queue, so one replica never waits on itself) and
  // across replicas on one PostgreSQL (a transaction-scoped advisory lock), because new ids are max + 1 and
  // referential checks read before they write. The catalog's write rate is low; correctness comes first.
  const write = <T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> => {
    const run = queue.then(() =>
      db.transaction(async (tx) => {
        await tx.query("select pg_advisory_xact_lock($1)", [WRITE_LOCK]);
        return fn(tx);
      }),
    );
    queue = run.catch(() => undefined);
    return run;
  };
  const log = options.log ?? (() => {});
  let inFlight = 0;
  let drained: (() => void) | undefined;
  const server = createServer((req, res) => {
    inFlight++;
    res.on("close", () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
    handle(req, res, db, clock, write, log, { anonymousRead: options.anonymousRead === true }).catch(() =>
      res.destroy(),
    );
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
    hasTokens: async () =>
      (await db.query("select 1 from api_tokens where revoked_at is null limit 1")).length > 0,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const grace = options.shutdownGraceMs ?? 10_000;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, grace);
          drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      server.closeAllConnections();
      await closed;
      await queue;
      await db.close();
      log({ time: new Date().toISOString(), level: "info", msg: "stopped" });
    },
  };
}

// A caller's request id is kept when it is a plain token; anything else gets a fresh one.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  db: Database,
  clock: Clock,
  write: Context["write"],
  log: (entry: LogEntry) => void,
  security: { readonly anonymousRead: boolean },
): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const given = req.headers["x-request-id"];
  const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader("x-request-id", requestId);
  res.on("finish", () =>
    log({
      time: new Date().toISOString(),
      level: res.statusCode >= 500 ? "error" : "info",
      msg: "request",
      requestId,
      method: req.method ?? "",
      path: url.pathname,
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    }),
  );
  if (url.pathname === "/healthz" || url.pathname === "/readyz") {
    return health(url.pathname, req, res, db);
  }
  // The API's description is public, like the health checks: it holds no catalog data.
  if (url.pathname === "/openapi.json" && (req.method === "GET" || req.method === "HEAD")) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(req.method === "HEAD" ? undefined : openApiText(BASE_PATH));
    return;
  }
  try {
    if (decodeURIComponentSafe(url.pathname + url.search).includes("\u0000")) {
      throw new Problem(400, "bad_request", "Bad request", "the URL must not contain U+0000 (NUL)");
    }
    if (!url.pathname.startsWith(`${BASE_PATH}/`))
      throw new Problem(404, "not_found", "Not found", `no resource at ${url.pathname}`);
    const { route, params } = match(ROUTES, req.method ?? "GET", url.pathname.slice(BASE_PATH.length));
    let principal: Awaited<ReturnType<typeof authenticate>>;
    try {
      principal = await authenticate(db, req.headers.authorization);
    } catch (error) {
      if (error instanceof TokenRefused)
        throw new Problem(401, "unauthorized", "Unauthorized", error.message);
      throw error;
    }
    let bodyRead: Promise<unknown> | undefined;
    const body = () => {
      bodyRead ??= readJson(req);
      return bodyRead;
    };
    const grant = await authorize(principal, route, { params, body, db }, security);
    // Ownership is recorded (or forgotten) in the same transaction as the write it belongs to.
    const owned: Context["write"] = (fn) =>
      write(async (tx) => {
        const result = await fn(tx);
        const id = (result as { id?: unknown } | undefined)?.id;
        if (grant.creates && typeof id === "number") {
          await tx.query("insert into resource_owners (kind, id, party_id) values ($1, $2, $3)", [
            grant.creates.kind,
            id,
            grant.creates.partyId,
          ]);
        }
        if (grant.deletes) {
          await tx.query("delete from resource_owners where kind = $1 and id = $2", [
            grant.deletes.kind,
            grant.deletes.id,
          ]);
        }
        return result;
      });
    const reply = await route.handler({
      db,
      clock,
      params,
      query: url.searchParams,
      base: `${url.origin}${BASE_PATH}`,
      url,
      body,
      write: owned,
    });
    res.writeHead(reply.status, {
      ...(reply.body === undefined ? {} : { "content-type": "application/json" }),
      ...reply.headers,
    });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  } catch (error) {
    const problem = error instanceof Problem ? error : fromDatabase(error);
    res.writeHead(problem.status, {
      "content-type": "application/problem+json",
      ...(problem.status === 401 ? { "www-authenticate": 'Bearer realm="sla-catalog"' } : {}),
    });
    res.end(JSON.stringify(problem.toJSON(url.pathname)));
  }
}

/** `/healthz`: the process answers. `/readyz`: the database answers too (503 while it does not). */
async function health(path: string, req: IncomingMessage, res: ServerResponse, db: Database): Promise<void> {
  let status = 200;
  let body: Record<string, unknown> = { status: "ok" };
  if (req.method !== "GET" && req.method !== "HEAD") {
    status = 405;
    body = { status: "method not allowed" };
  } else if (path === "/readyz") {
    try {
      await db.query("select 1");
      body = { status: "ready", engine: db.engine };
    } catch {
      status = 503;
      body = { status: "unavailable", engine: db.engine };
    }
  }
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : JSON.stringify(body));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
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
