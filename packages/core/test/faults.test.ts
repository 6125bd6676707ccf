/**
 * Faults on real sockets: resets, 5xx, 429 with Retry-After, slow headers, slow bodies, aborts. The retry
 * middleware gets an injected sleep (recording the waits) so no test waits for real backoff.
 */
import { Agent } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AbortError, createHttpClient, HttpError, NetworkError, retry, TimeoutError } from "../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
const dispatcher = new Agent({ keepAliveTimeout: 1000 });
/**
 * undici enforces headersTimeout/bodyTimeout with timers of about 1 s resolution (lib/util/timers.js), so a
 * stall must outlast timeoutMs by more than that to be seen as one.
 */
const STALL_MS = 2_500;
/** Per-path scripts: each request to a path takes the next step. */
const scripts = new Map<string, string[]>();
const hits = new Map<string, number>();

beforeAll(async () => {
  server = await startServer(async (req, res, raw) => {
    const path = new URL(req.url, "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const step = scripts.get(path)?.shift() ?? "ok";
    if (step === "reset") return void raw.socket.destroy();
    if (step === "500") return json(res, 500, { error: "internal" });
    if (step === "404") return json(res, 404, { detail: "Not found." });
    if (step === "503") return json(res, 503, { error: "unavailable" });
    if (step.startsWith("429:"))
      return json(res, 429, { error: "slow down" }, { "retry-after": step.slice(4) });
    if (step.startsWith("slow-headers:")) {
      await new Promise((r) => setTimeout(r, Number(step.slice(13))));
      return json(res, 200, { late: true });
    }
    if (step === "slow-body") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"partial":');
      await new Promise((r) => setTimeout(r, STALL_MS));
      return void res.end("true}");
    }
    json(res, 200, { ok: true, attempt: hits.get(path) });
  });
});
afterAll(async () => {
  await dispatcher.close();
  await server.close();
});
beforeEach(() => {
  scripts.clear();
  hits.clear();
});

function withRetry(waits: number[] = [], maxAttempts = 3) {
  return createHttpClient({
    baseUrl: server.url,
    dispatcher,
    timeoutMs: 200,
    middleware: [
      retry({
        maxAttempts,
        maxDelayMs: 5_000,
        random: () => 0.5,
        sleep: async (ms) => {
          waits.push(ms);
        },
      }),
    ],
  });
}

describe("retry", () => {
  it("retries a GET after a connection reset and a 500, then succeeds", async () => {
    scripts.set("/a", ["reset", "500"]);
    const waits: number[] = [];
    const { data } = await withRetry(waits).request<{ attempt: number }>({ method: "GET", path: "/a" });
    expect(data.attempt).toBe(3);
    expect(waits).toEqual([100, 200]); // full jitter with random=0.5: 0.5·200·2⁰, 0.5·200·2¹
  });

  it("honours Retry-After in seconds and as an HTTP date, capped", async () => {
    scripts.set("/b", ["429:2", `429:${new Date(Date.now() + 60_000).toUTCString()}`]);
    const waits: number[] = [];
    await withRetry(waits).request({ method: "GET", path: "/b" });
    expect(waits[0]).toBe(2000);
    expect(waits[1]).toBe(5000); // a minute away, capped at maxDelayMs
  });

  it("gives up after maxAttempts with the last failure, typed", async () => {
    scripts.set("/c", ["503", "503", "503", "503"]);
    const error = await withRetry([], 3)
      .request({ method: "GET", path: "/c" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
    expect(hits.get("/c")).toBe(3);
  });

  it("never sends a POST twice unless the caller marks it idempotent", async () => {
    scripts.set("/d", ["500"]);
    await expect(withRetry().request({ method: "POST", path: "/d", body: {} })).rejects.toThrow(HttpError);
    expect(hits.get("/d")).toBe(1);
    scripts.set("/e", ["reset"]);
    await expect(withRetry().request({ method: "POST", path: "/e", body: {} })).rejects.toThrow(NetworkError);
    expect(hits.get("/e")).toBe(1);
    scripts.set("/f", ["500"]);
    await withRetry().request({ method: "POST", path: "/f", body: {}, idempotent: true });
    expect(hits.get("/f")).toBe(2);
  });

  it("does not retry a 4xx", async () => {
    scripts.set("/g", ["404"]);
    await expect(withRetry().request({ method: "GET", path: "/g" })).rejects.toThrow(HttpError);
    expect(hits.get("/g")).toBe(1);
  });

  it("stops waiting as soon as the caller aborts", async () => {
    scripts.set("/h", ["503", "503"]);
    const controller = new AbortController();
    const http = createHttpClient({
      baseUrl: server.url,
      dispatcher,
      middleware: [retry({ baseDelayMs: 60_000, random: () => 1 })],
    });
    const pending = http.request({ method: "GET", path: "/h", signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    const error = (await pending.catch((e: unknown) => e)) as AbortError;
    expect(error).toBeInstanceOf(AbortError);
    expect((error.cause as Error).message).toBe("user gave up");
    expect(hits.get("/h")).toBe(1);
  });
});

describe("timeouts and network errors", () => {
  it("maps slow headers to TimeoutError, and retries them for a GET", async () => {
    scripts.set("/slow", Array(3).fill(`slow-headers:${STALL_MS}`));
    const error = (await withRetry()
      .request({ method: "GET", path: "/slow" })
      .catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(200);
    expect(hits.get("/slow")).toBe(3);
  });

  it("maps a stalled body to TimeoutError", async () => {
    scripts.set("/slow-body", ["slow-body"]);
    const http = createHttpClient({ baseUrl: server.url, dispatcher, timeoutMs: 150 });
    await expect(http.request({ method: "GET", path: "/slow-body" })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("uses the per-call timeout over the client's", async () => {
    scripts.set("/slow2", ["slow-headers:300"]);
    const http = createHttpClient({ baseUrl: server.url, dispatcher, timeoutMs: 50 });
    const { data } = await http.request<{ late: boolean }>({
      method: "GET",
      path: "/slow2",
      timeoutMs: 2_000,
    });
    expect(data.late).toBe(true);
  });

  it("maps a refused connection to NetworkError with the cause", async () => {
    const closed = await startServer(() => {});
    const url = closed.url;
    await closed.close();
    const error = (await createHttpClient({ baseUrl: url, dispatcher })
      .request({ method: "GET", path: "/" })
      .catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.cause).toBeDefined();
  });

  it("rejects at once when the signal is already aborted, sending nothing", async () => {
    const before = server.received.length;
    const controller = new AbortController();
    controller.abort("stop");
    await expect(
      createHttpClient({ baseUrl: server.url, dispatcher }).request({
        method: "GET",
        path: "/x",
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(server.received.length).toBe(before);
  });
});
