/**
 * A real HTTP server that answers with recorded responses and keeps what it received, so a test can
 * compare our requests with the recorded ones. Both `{ALMANACH_PORT}` and `{KEYSTONE_PORT}` are this server.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Exchange, header } from "./captures.js";

export interface Received {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /**
   * Index of the recorded exchange that answered; -1 none matched; -2 a repeat after a 401 (core re-auth);
   * -3 our service lookup by name (CLI_RULES.serviceName), which the reference never sent.
   */
  answeredBy: number;
}

export class ReplayServer {
  received: Received[] = [];
  #exchanges: Exchange[] = [];
  #used = new Set<number>();
  #fallbacks: Exchange[] = [];
  #server: Server | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const url = new URL(req.url ?? "/", "http://x");
        const index = this.#exchanges.findIndex(
          (e, i) => !this.#used.has(i) && e.request.method === req.method && e.request.path === url.pathname,
        );
        const same = (e: Exchange) => e.request.method === req.method && e.request.path === url.pathname;
        // core re-authenticates once after a 401 and repeats the request: answer the repeat with the same 401.
        const repeat =
          index < 0
            ? this.#exchanges.findIndex((e, i) => this.#used.has(i) && same(e) && e.response.status === 401)
            : -1;
        const exchange =
          index >= 0
            ? this.#exchanges[index]
            : repeat >= 0
              ? this.#exchanges[repeat]
              : this.#fallbacks.find(same);
        if (index >= 0) this.#used.add(index);
        // We look ALMANACH_SERVICE up by name before using it as an id; the recorded Keystone knew no such
        // name (the reference's lookup by id is what the capture shows), so answer as Keystone does then.
        const lookup = !exchange && req.method === "GET" && url.pathname.endsWith("/v3/services");
        const answeredBy = index >= 0 ? index : repeat >= 0 ? -2 : lookup ? -3 : -1;
        this.received.push({
          method: req.method ?? "",
          path: url.pathname,
          query: url.search.slice(1),
          headers: req.headers,
          body,
          answeredBy,
        });
        if (lookup) {
          res.writeHead(200, { "content-type": "application/json" }).end(
            JSON.stringify({
              services: [],
              links: { self: `${this.url}${req.url}`, previous: null, next: null },
            }),
          );
          return;
        }
        if (!exchange) {
          res
            .writeHead(599, { "content-type": "application/json" })
            .end(JSON.stringify({ error: "no recorded exchange" }));
          return;
        }
        const headers: Record<string, string> = {};
        for (const line of exchange.response.headers) {
          const at = line.indexOf(":");
          const name = line.slice(0, at).trim();
          if (name.toLowerCase() !== "content-length") headers[name] = this.fill(line.slice(at + 1).trim());
        }
        res.writeHead(exchange.response.status, headers).end(this.fill(exchange.response.body));
      });
    });
    const server = this.#server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  /** Serve these exchanges next; `fallbacks` answer requests the capture did not record (see the test). */
  load(exchanges: Exchange[], fallbacks: Exchange[] = []): void {
    this.#exchanges = exchanges;
    this.#fallbacks = fallbacks;
    this.#used = new Set();
    this.received = [];
  }

  /** Replace the port placeholders of recorded text with this server's port. */
  fill(text: string): string {
    return text
      .replaceAll("{ALMANACH_PORT}", String(this.port))
      .replaceAll("{KEYSTONE_PORT}", String(this.port));
  }

  isUsed(index: number): boolean {
    return this.#used.has(index);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export { header };
