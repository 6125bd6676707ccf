/**
 * A Waldur (Puhuri Core) marketplace stand-in for the service-provider API: both server generations'
 * routes (MasterMind 5.4 and ≥ 7 / OpenAPI 8.0.5), token auth, DRF error bodies and status codes, and
 * `LinkHeaderPagination` exactly as Waldur renders it. In memory, one process, no dependencies.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Consumer, consumerOf } from "./consumer.js";
import type { WaldurData } from "./data.js";
import { defaultData, fakeUuid, OFFERING, PLAN, PROJECT } from "./default-data.js";
import { authenticate, htmlNotFound, readRequest, send } from "./http.js";
import { findRoute } from "./router.js";
import type { StandIn } from "./state.js";

export type { Consumer, CreateOrderInput } from "./consumer.js";
export type { WaldurData } from "./data.js";
export { defaultData } from "./default-data.js";

/** Options of {@link startWaldur}. */
export interface StartWaldurOptions {
  port?: number;
  host?: string;
  /** The API token clients must send as `Authorization: token <token>`. Default `sandbox-token`. */
  token?: string;
  /** The marketplace to serve. Default {@link defaultData}. */
  data?: WaldurData;
  /** Extra generated resources (state `OK`, offering LUMI-C), e.g. 100 000 for a pagination bench. */
  extraResources?: number;
  /** Page size without `page_size`. Default 10 (DRF's). */
  defaultPageSize?: number;
  /** Cap on `page_size`. Default 300 (Waldur's). */
  maxPageSize?: number;
  /** Offering route in hyperlinks where the called route does not tell. Default `current`. */
  generation?: "current" | "legacy";
  /** Clock. Default `() => new Date()`. */
  now?: () => Date;
  /**
   * Fault injection, asked before each request is handled: `"5xx"` answers 503, `"reset"` destroys the
   * socket without an answer, `"stall"` holds the request for `stallMs` and then handles it (a client with a
   * shorter timeout sees a timeout, the server still applies the request, as a real slow server would),
   * `"reset-after"` applies the request and then destroys the socket (the client never sees the answer).
   */
  faults?: (req: { method: string; route: string }) => Fault | undefined;
  /** How long a `"stall"` holds a request. Default 3000 ms. */
  stallMs?: number;
}

/** A fault {@link StartWaldurOptions.faults} injects. */
export type Fault = "5xx" | "reset" | "stall" | "reset-after";

/** A running stand-in. `data` is live: tests may inspect or change it. */
export interface WaldurStandIn {
  /** The API root, e.g. `http://127.0.0.1:40123/api/`. */
  url: string;
  token: string;
  data: WaldurData;
  /** Consumers' side (orders, project membership) for scripted scenarios. */
  consumer: Consumer;
  close(): Promise<void>;
}

/** Start the Waldur stand-in on `host:port` (default `127.0.0.1`, a free port). */
export async function startWaldur(options: StartWaldurOptions = {}): Promise<WaldurStandIn> {
  const token = options.token ?? "sandbox-token";
  const data = options.data ?? defaultData();
  for (let i = 0; i < (options.extraResources ?? 0); i++) {
    data.resources.push({
      uuid: fakeUuid("e0", i),
      name: `Allocation ${i}`,
      offering_uuid: OFFERING,
      project_uuid: PROJECT,
      plan_uuid: PLAN,
      state: "OK",
      backend_id: "",
      report: null,
      limits: {},
    });
  }
  const state: StandIn = {
    data,
    defaultPageSize: options.defaultPageSize ?? 10,
    maxPageSize: options.maxPageSize ?? 300,
    generation: options.generation ?? "current",
    now: options.now ?? (() => new Date()),
  };
  const server = createServer((req, res) => {
    readRequest(req)
      .then((request) => {
        const route = request.path.startsWith("/api/") ? findRoute(request.route) : undefined;
        if (!route) return htmlNotFound(res, request.path);
        const denied = authenticate(req, token);
        if (denied) return send(res, request.method, denied);
        const fault = options.faults?.({ method: request.method, route: request.route });
        if (fault === "5xx") {
          res.writeHead(503, { "content-type": "text/html" });
          return res.end("<h1>Service Unavailable</h1>");
        }
        if (fault === "reset") return req.socket.destroy();
        const handle = () => {
          const answer = route.handle(state, request);
          if (!answer) return htmlNotFound(res, request.path);
          if (fault === "reset-after") return req.socket.destroy();
          send(res, request.method, answer);
        };
        if (fault === "stall") setTimeout(handle, options.stallMs ?? 3000);
        else handle();
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/api/`,
    token,
    data,
    consumer: consumerOf(data),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
