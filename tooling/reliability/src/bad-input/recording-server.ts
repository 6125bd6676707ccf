/**
 * A real node:http server on 127.0.0.1 that records every request it receives (method, raw path, headers,
 * body), so a bad-input test can prove that nothing was sent, or exactly what was sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server saw it: `path` is the raw request target, before any decoding. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly rawHeaders: readonly string[];
  readonly body: string;
}

/** How the server answers a request; the default answers 200 with `{}`. */
export type Responder = (request: RecordedRequest, res: ServerResponse) => void;

/** A started recording server. */
export interface RecordingServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Replace the responder (e.g. per test table). */
  respondWith(responder: Responder): void;
  /** Forget the requests recorded so far. */
  reset(): void;
  close(): Promise<void>;
}

const jsonOk: Responder = (_request, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end("{}");
};

/** Start a recording server on 127.0.0.1 with an ephemeral port. */
export async function startRecordingServer(responder: Responder = jsonOk): Promise<RecordingServer> {
  let respond = responder;
  const requests: RecordedRequest[] = [];
  // 1 MB ids arrive in the request line; the default 16 KB header limit would answer 431 instead of recording.
  const server = createServer(
    { maxHeaderSize: 8 * 1024 * 1024 },
    (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const recorded: RecordedRequest = {
          method: req.method ?? "",
          path: req.url ?? "",
          headers: req.headers,
          rawHeaders: req.rawHeaders,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        requests.push(recorded);
        respond(recorded, res);
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(next) {
      respond = next;
    },
    reset() {
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
