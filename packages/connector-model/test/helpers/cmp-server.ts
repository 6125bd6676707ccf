import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the local CMP stand-in received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** What the stand-in answers next. */
export interface Reply {
  status: number;
  body: Uint8Array | string;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for the CMP API: records every request and
 * answers with the configured reply (`/logs` always gets 200).
 */
export class CmpStandIn {
  readonly received: ReceivedRequest[] = [];
  reply: Reply = { status: 200, body: "" };
  #server: Server | undefined;

  async start(): Promise<string> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        this.received.push({
          method: req.method ?? "",
          path: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
        const reply = req.url === "/logs" ? { status: 200, body: "" } : this.reply;
        res.writeHead(reply.status, { "content-type": "application/octet-stream" });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.#server?.close((e) => (e ? reject(e) : resolve())));
  }

  take(): ReceivedRequest[] {
    return this.received.splice(0, this.received.length);
  }
}
