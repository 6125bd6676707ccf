/**
 * An Almanach 4.1 stand-in: the routes, validation, status codes and error bodies of the real server
 * (shared/research/wire/almanach.md §3–§5, checked by replaying the recorded exchanges), in memory.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pythonJson } from "./encode.js";
import { AlmanachApiError } from "./errors.js";
import { type Ctx, ROUTES } from "./routes.js";
import { Store } from "./store.js";

/** Options of {@link startAlmanach}. */
export interface AlmanachOptions {
  port?: number;
  host?: string;
  /** `[auth] private_key`: the accepted `X-Auth-Token`. Default `secret` (the server's default). */
  token?: string;
  /** Accept other tokens too (e.g. validate them with Keystone, like the `keystone` strategy). */
  authorize?: (token: string) => boolean | Promise<boolean>;
  /** `[entities] instance_image_meta`. Default `distro,version,os_type` (devstack's; the server's own default is empty). */
  imageMetaWhitelist?: readonly string[];
  /** `[entities] volume_existence_threshold` in seconds. Default 60. */
  volumeExistenceThreshold?: number;
  /** Clock for `processed` and a missing `end` (ms since epoch). */
  now?: () => number;
}

/** A running stand-in. */
export interface RunningAlmanach {
  url: string;
  store: Store;
  close(): Promise<void>;
}

const NOT_FOUND_HTML =
  "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n";
const NOT_ALLOWED_HTML =
  "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n";
const HTML = "text/html; charset=utf-8";

/** Start the stand-in on `host:port` (default 127.0.0.1, a free port). */
export async function startAlmanach(options: AlmanachOptions = {}): Promise<RunningAlmanach> {
  const now = options.now ?? Date.now;
  const store = new Store(now);
  const config = {
    imageMetaWhitelist: options.imageMetaWhitelist ?? ["distro", "version", "os_type"],
    volumeExistenceThreshold: options.volumeExistenceThreshold ?? 60,
  };
  const token = options.token ?? "secret";

  const server = createServer((req, res) => {
    void readBody(req).then(async (rawBody) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const path = url.pathname.replace(/^\/v1(?=\/)/, "");
      const method = req.method ?? "GET";
      const candidates = ROUTES.filter((r) => r.pattern.test(path));
      const route =
        candidates.find((r) => r.method === method) ??
        (method === "HEAD" ? candidates.find((r) => r.method === "GET") : undefined);
      if (!route) {
        if (candidates.length)
          send(res, 405, HTML, NOT_ALLOWED_HTML, { allow: candidates.map((r) => r.method).join(", ") });
        else send(res, 404, HTML, NOT_FOUND_HTML);
        return;
      }
      if (!route.open) {
        const given = req.headers["x-auth-token"];
        const ok =
          typeof given === "string" &&
          (given === token || (options.authorize ? await options.authorize(given) : false));
        if (!ok) return send(res, 401, HTML, "Unauthorized");
      }
      const params = (route.pattern.exec(path) ?? []).slice(1).map((s) => decodeURIComponent(s));
      const ctx: Ctx = { store, config, params, query: url.searchParams, rawBody };
      try {
        const result = route.handle(ctx);
        if ("json" in result)
          send(res, 200, "application/json", method === "HEAD" ? "" : pythonJson(result.json));
        else send(res, result.status, HTML, "");
      } catch (error) {
        if (error instanceof AlmanachApiError)
          send(res, error.status, "application/json", pythonJson({ error: error.error }));
        else send(res, 500, "application/json", pythonJson({ error: String(error) }));
      }
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    store,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  res
    .writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), ...extra })
    .end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
