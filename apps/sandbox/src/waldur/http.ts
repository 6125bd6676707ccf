/** Request/response plumbing of the stand-in: parsed request, DRF-style answers, token check. */
import type { IncomingMessage, ServerResponse } from "node:http";

export interface WaldurRequest {
  method: string;
  /** Path below `/api/`, e.g. `marketplace-resources/<uuid>/team/`. */
  route: string;
  params: [string, string][];
  /** `http://host/api/`: hyperlinks and `Link` URLs are absolute, built from the Host header. */
  api: string;
  /** The list URL itself (absolute, no query). */
  self: string;
  body: unknown;
  /** The raw body was not JSON. */
  badJson: boolean;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const notFound: Answer = { status: 404, body: { detail: "Not found." } };

/** DRF field errors: `{"field": ["message"]}`. */
export function fieldError(field: string, message: string): Answer {
  return { status: 400, body: { [field]: [message] } };
}

export async function readRequest(req: IncomingMessage): Promise<WaldurRequest & { path: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  let body: unknown;
  let badJson = false;
  if (text !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      badJson = true;
    }
  }
  const api = `${url.origin}/api/`;
  return {
    method: req.method ?? "GET",
    path: url.pathname,
    route: url.pathname.startsWith("/api/") ? url.pathname.slice(5) : "",
    params: [...url.searchParams.entries()],
    api,
    self: `${url.origin}${url.pathname}`,
    body,
    badJson,
  };
}

/** DRF TokenAuthentication: keyword compared case-insensitively, 401 with `WWW-Authenticate: Token`. */
export function authenticate(req: IncomingMessage, token: string): Answer | undefined {
  const header = req.headers.authorization;
  const challenge = { "www-authenticate": "Token" };
  if (!header)
    return {
      status: 401,
      headers: challenge,
      body: { detail: "Authentication credentials were not provided." },
    };
  const [keyword, key, ...rest] = header.split(" ");
  if (keyword?.toLowerCase() !== "token" || !key || rest.length) {
    return {
      status: 401,
      headers: challenge,
      body: { detail: "Invalid token header. No credentials provided." },
    };
  }
  return key === token ? undefined : { status: 401, headers: challenge, body: { detail: "Invalid token." } };
}

export function send(res: ServerResponse, method: string, answer: Answer): void {
  const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
  const headers: Record<string, string> = {
    ...answer.headers,
    "access-control-expose-headers": "Link, X-Result-Count",
  };
  if (text !== "") headers["content-type"] = "application/json";
  headers["content-length"] = String(Buffer.byteLength(text));
  res.writeHead(answer.status, headers);
  res.end(method === "HEAD" ? undefined : text);
}

/** What Django answers for a URL no route matches (DEBUG off). */
export function htmlNotFound(res: ServerResponse, path: string): void {
  const html = `<!doctype html><html><head><title>Not Found</title></head><body><h1>Not Found</h1><p>The requested resource ${path} was not found on this server.</p></body></html>`;
  res.writeHead(404, {
    "content-type": "text/html; charset=utf-8",
    "content-length": String(Buffer.byteLength(html)),
  });
  res.end(html);
}

const UUID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Waldur stores UUIDs as 32 hex digits and accepts the dashed form in filters and routes. */
export function normalizeUuid(value: string): string | undefined {
  return UUID.test(value) ? value.replaceAll("-", "").toLowerCase() : undefined;
}
