/**
 * A fault-injecting HTTP proxy on 127.0.0.1, put in front of a real service (CloudKitty, a sandbox
 * stand-in). On a seeded schedule it resets connections (before or after the upstream saw the request),
 * answers 500/502/503 or 429 with Retry-After, stalls headers or bodies past the client's timeout,
 * truncates bodies and returns invalid JSON. It counts, on the server side, how often each non-idempotent
 * request reached the upstream, so a duplicate POST cannot hide.
 */
import { createHash } from "node:crypto";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { seededRandom } from "@meterkit/core/testing";

export const FAULT_KINDS = [
  "reset-before",
  "reset-after",
  "status-500",
  "status-502",
  "status-503",
  "status-429",
  "stall-headers",
  "stall-body",
  "truncate-body",
  "invalid-json",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  target: string;
  seed: number;
  /** Probability that a request gets a fault at all. Default 0.3. */
  faultRate?: number;
  /** How long a stall lasts; make it longer than the client's timeout plus undici's ~1 s timer resolution. */
  stallMs?: number;
  /** Faults to draw from (default: all). */
  kinds?: readonly FaultKind[];
  /** Non-idempotent requests the caller marked safe to repeat (e.g. a read-only quote): not counted as duplicates. */
  exempt?: (method: string, path: string) => boolean;
}

export interface FaultStats {
  requests: number;
  forwarded: number;
  faults: Record<FaultKind, number>;
  /** Non-idempotent requests (by method + path + body) that reached the upstream more than once. */
  duplicates: number;
}

export interface FaultProxy {
  url: string;
  stats(): FaultStats;
  openSockets(): number;
  close(): Promise<void>;
}

const NON_IDEMPOTENT = new Set(["POST", "PATCH"]);

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const rate = options.faultRate ?? 0.3;
  const kinds = options.kinds ?? FAULT_KINDS;
  const stallMs = options.stallMs ?? 1_500;
  const target = new URL(options.target);
  const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const reached = new Map<string, number>();
  let requests = 0;
  let forwarded = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
      (resolve, reject) => {
        forwarded++;
        if (NON_IDEMPOTENT.has(req.method ?? "") && !options.exempt?.(req.method ?? "", req.url ?? "")) {
          const key = `${req.method} ${req.url} ${createHash("sha1").update(body).digest("hex")}`;
          reached.set(key, (reached.get(key) ?? 0) + 1);
        }
        const headers = { ...req.headers, host: target.host };
        const upstream = httpRequest(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
            );
            res.on("error", reject);
          },
        );
        upstream.on("error", reject);
        upstream.end(body);
      },
    );

  const reply = (
    res: ServerResponse,
    up: { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer },
  ) => {
    const headers = { ...up.headers };
    delete headers["transfer-encoding"];
    delete headers.connection;
    headers["content-length"] = String(up.body.length);
    res.writeHead(up.status, headers);
    res.end(up.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    requests++;
    const kind: FaultKind | undefined =
      random() < rate ? kinds[Math.floor(random() * kinds.length)] : undefined;
    if (kind) faults[kind]++;
    switch (kind) {
      case "reset-before":
        return void req.socket.destroy();
      case "reset-after":
        await forward(req, body);
        return void req.socket.destroy();
      case "status-500":
      case "status-502":
      case "status-503":
        res.writeHead(Number(kind.slice(7)), { "content-type": "application/json" });
        return void res.end(JSON.stringify({ detail: `injected ${kind}` }));
      case "status-429":
        res.writeHead(429, { "content-type": "application/json", "retry-after": "0" });
        return void res.end(JSON.stringify({ detail: "injected throttle" }));
      case "stall-headers":
        await wait(stallMs);
        return void req.socket.destroy();
      case "stall-body": {
        const up = await forward(req, body);
        res.writeHead(up.status, {
          "content-type": String(up.headers["content-type"] ?? "application/json"),
          "content-length": String(up.body.length + 1),
        });
        res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
        await wait(stallMs);
        return void req.socket.destroy();
      }
      case "truncate-body": {
        const up = await forward(req, body);
        res.writeHead(up.status, {
          "content-type": String(up.headers["content-type"] ?? "application/json"),
          "content-length": String(up.body.length + 10),
        });
        res.write(up.body.subarray(0, Math.floor(up.body.length / 2)));
        return void req.socket.destroy();
      }
      case "invalid-json": {
        const up = await forward(req, body);
        res.writeHead(up.status < 400 ? up.status : 200, { "content-type": "application/json" });
        return void res.end('{"truncated": [1, 2,');
      }
      default:
        return reply(res, await forward(req, body));
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => req.socket.destroy());
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname.replace(/\/$/, "")}`,
    stats: () => ({
      requests,
      forwarded,
      faults: { ...faults },
      duplicates: [...reached.values()].filter((n) => n > 1).length,
    }),
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
