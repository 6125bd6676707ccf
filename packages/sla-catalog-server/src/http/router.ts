import type { Database, SqlClient } from "../db/database.js";
import type { Clock } from "../model/dates.js";
import type { Filter } from "./list.js";
import { Problem } from "./problem.js";

/** What a handler gets for one request. */
export interface Context {
  readonly db: Database;
  readonly clock: Clock;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The request URL (absolute), for `Location` and `Link` headers. */
  readonly url: URL;
  /** The API base URL as the client reached it, e.g. `http://127.0.0.1:8080/sla-catalog/v1`. */
  readonly base: string;
  body(): Promise<unknown>;
  /** Runs `fn` in a transaction, one writer at a time (ids are max + 1, so writes must not interleave). */
  write<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
}

/** What a handler answers. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One route: `pattern` segments starting with `:` capture a path parameter. */
export interface Route {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly pattern: string;
  /** The query filters of a list route (besides `limit` and `offset`), for the OpenAPI document. */
  readonly filters?: Readonly<Record<string, Filter>>;
  handler(ctx: Context): Promise<Reply>;
}

/** Finds the route for `method` + `path`; 404 for an unknown path, 405 for a known path with another method. */
export function match(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } {
  const segments = path.split("/").filter(Boolean);
  let pathKnown = false;
  for (const route of routes) {
    const parts = route.pattern.split("/").filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      const seg = segments[i] as string;
      if (part.startsWith(":")) {
        params[part.slice(1)] = safeDecode(seg);
        return true;
      }
      return part === seg;
    });
    if (!ok) continue;
    pathKnown = true;
    if (route.method === method) return { route, params };
  }
  if (pathKnown)
    throw new Problem(405, "method_not_allowed", "Method not allowed", `${method} is not allowed on ${path}`);
  throw new Problem(404, "not_found", "Not found", `no resource at ${path}`);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Problem(400, "bad_request", "Bad request", `malformed path segment ${segment}`);
  }
}

/** Parses a positive integer path parameter; anything else cannot name a row, so it is a 404. */
export function intParam(ctx: Context, name: string, type: string): number {
  const raw = ctx.params[name] ?? "";
  const value = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > 2_147_483_647) {
    throw new Problem(404, "not_found", "Not found", `${type} ${raw} does not exist`);
  }
  return value;
}
