/**
 * A real HTTP server on 127.0.0.1 that records every request it gets and answers, in order, with the
 * captured responses (ports substituted). Past the end of the capture it answers 599 so an extra request
 * is visible rather than hanging.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type CapturedResponse, headerPairs } from "./captures.js";

export interface ReceivedRequest {
  method: string;
  path: string;
  query: [string, string][];
  headers: IncomingMessage["headers"];
  body: string;
}

export interface RecordingServer {
  readonly port: number;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startRecordingServer(responses: readonly CapturedResponse[]): Promise<RecordingServer> {
  const received: ReceivedRequest[] = [];
  let port = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      received.push({
        method: req.method ?? "",
        path: url.pathname,
        query: [...url.searchParams.entries()],
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const answer = responses[received.length - 1];
      if (!answer) {
        res.writeHead(599, { "content-type": "text/plain" }).end("no recorded response left");
        return;
      }
      const body = answer.body.replaceAll("{WALDUR_PORT}", String(port));
      for (const [name, value] of headerPairs(answer.headers)) {
        if (name.toLowerCase() !== "content-length")
          res.setHeader(name, value.replaceAll("{WALDUR_PORT}", String(port)));
      }
      res.statusCode = answer.status;
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
