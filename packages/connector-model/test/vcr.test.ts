import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { isSdkError } from "@meterkit/core";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncEvent, sync } from "../examples/vcr-sync.js";
import { createCmpContext, InvalidValueError } from "../src/index.js";
import { vcrCassetteContext } from "../src/testing/index.js";

// Two real HTTP servers on 127.0.0.1: the CMP API and a provider API that echoes the caller's key.
const PROVIDER_KEY = "provider-key-canary-7f3a";
const CMP_TOKEN = "cmp-token-canary-91be";
let received: string[] = [];
let servers: { cmp: HttpServer; provider: HttpServer } | undefined;
let ports: { cmp: number; provider: number } | undefined;

function serve(port: number, answer: (req: string, key: string) => string): Promise<HttpServer> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received.push(`${req.method} ${req.url}`);
      const body = answer(`${req.method} ${req.url}`, String(req.headers["x-api-key"] ?? ""));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function up(): Promise<void> {
  const cmp = await serve(ports?.cmp ?? 0, () => "null");
  const provider = await serve(ports?.provider ?? 0, (_, key) =>
    JSON.stringify([
      { id: "vm-1", name: "web" },
      { id: "vm-2", name: `db (key ${key})` },
    ]),
  );
  servers = { cmp, provider };
  ports = { cmp: (cmp.address() as AddressInfo).port, provider: (provider.address() as AddressInfo).port };
  process.env.PROVIDER_URL = `http://127.0.0.1:${ports.provider}`;
  process.env.PROVIDER_KEY = PROVIDER_KEY;
}

async function down(): Promise<void> {
  if (!servers) return;
  for (const server of [servers.cmp, servers.provider]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  servers = undefined;
}

beforeAll(up);
afterAll(down);

const dir = mkdtempSync(path.join(tmpdir(), "cm-vcr-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const event = (taskId: string): SyncEvent => ({ task_id: taskId, customer_id: "c1", account_id: "a1" });
const cmpUrl = () => `http://127.0.0.1:${ports!.cmp}/api`;
/** The connector as a test runs it: a context per call (no `dispatcher` option), wrapped as in the original. */
const wrapped = (file: string, options: Parameters<typeof vcrCassetteContext>[1] = {}) =>
  vcrCassetteContext(
    (e: SyncEvent) => sync(e, createCmpContext({ cmpUrl: cmpUrl(), token: CMP_TOKEN, moduleId: "mod-1" })),
    { file, env: { DEBUG_VCR: "" }, ...options },
  );
const exchanges = (file: string) =>
  (JSON.parse(readFileSync(file, "utf8")) as { exchanges: { request: { method: string; url: string } }[] })
    .exchanges;
const lines = (file: string) =>
  exchanges(file).map((e) => `${e.request.method} ${new URL(e.request.url).pathname}`);
const ids = (resources: unknown[]) => resources.map((r) => (r as { id: unknown }).id);

describe("vcrCassetteContext", () => {
  // First, so no earlier wrapper has routed the global dispatcher yet.
  it("records a client made outside the wrapper, after it, and nothing outside a call", async () => {
    const file = path.join(dir, "outside.json");
    const ping = vcrCassetteContext((ctx: ReturnType<typeof createCmpContext>) => ctx.api.post("/ping", {}), {
      file,
      recordMode: "all",
    });
    const context = createCmpContext({ cmpUrl: cmpUrl(), token: CMP_TOKEN });
    received = [];
    await ping(context);
    expect(lines(file)).toEqual(["POST /api/ping"]);
    await context.api.post("/other", {}); // not inside the wrapper: sent, not recorded
    expect(received).toEqual(["POST /api/ping", "POST /api/other"]);
    expect(lines(file)).toEqual(["POST /api/ping"]);
  });

  it("records a connector once, replays it with the network unreachable, then appends a new episode", async () => {
    const file = path.join(dir, "sync.json");
    received = [];
    const live = await wrapped(file)(event("task-1")); // DEBUG_VCR set and no cassette yet: all recorded
    expect(received.sort()).toEqual(["GET /servers", "POST /api/logs", "POST /api/tasks/task-1/update"]);
    expect(lines(file).sort()).toEqual(["GET /servers", "POST /api/logs", "POST /api/tasks/task-1/update"]);
    const text = readFileSync(file, "utf8");
    expect(text).not.toContain(PROVIDER_KEY); // sent as a header and echoed in a body
    expect(text).not.toContain(CMP_TOKEN);
    expect(text).toContain("<redacted>");

    await down();
    await expect(request(`${process.env.PROVIDER_URL}/servers`)).rejects.toThrow(); // unreachable indeed
    received = [];
    const replayed = await wrapped(file)(event("task-1"));
    const replayedOnly = await wrapped(file, { recordMode: "none" })(event("task-1"));
    expect(ids(replayed)).toEqual(["vm-1", "vm-2"]);
    expect(ids(replayedOnly)).toEqual(ids(live));
    expect(replayed.map((r) => (r as { base: { name: string } }).base.name)).toEqual([
      "web",
      "db (key <redacted>)",
    ]);
    // With the network down and no matching episode, the request fails with the cassette's error.
    const missing = await wrapped(file, { recordMode: "none" })(event("task-2")).catch((e: unknown) => e);
    expect(isSdkError(missing, "cassette_mismatch")).toBe(true);
    expect(String(missing)).toContain("/api/tasks/task-2/update");

    await up();
    received = [];
    const before = exchanges(file);
    await wrapped(file)(event("task-2")); // new_episodes: the old ones replayed, the new one sent and appended
    expect(received).toEqual(["POST /api/tasks/task-2/update"]);
    expect(exchanges(file).slice(0, before.length)).toEqual(before);
    expect(lines(file).slice(before.length)).toEqual(["POST /api/tasks/task-2/update"]);
  });

  it("never records nor replays an ignored host", async () => {
    const file = path.join(dir, "ignored.json");
    const options = { ignoreHosts: [`127.0.0.1:${ports!.provider}`] };
    received = [];
    await wrapped(file, options)(event("task-1"));
    expect(lines(file).sort()).toEqual(["POST /api/logs", "POST /api/tasks/task-1/update"]);
    received = [];
    await wrapped(file, { ...options, recordMode: "none" })(event("task-1"));
    expect(received).toEqual(["GET /servers"]); // the provider, live; CMP from the cassette
  });

  it("uses no cassette unless DEBUG_VCR exists, as the original", async () => {
    const file = path.join(dir, "never.json");
    received = [];
    await wrapped(file, { env: {} })(event("task-3"));
    expect(received).toContain("POST /api/tasks/task-3/update");
    expect(existsSync(file)).toBe(false);
  });

  it("refuses an unknown record mode before anything is sent", () => {
    expect(() => vcrCassetteContext(() => 1, { recordMode: "live" as "none" })).toThrow(InvalidValueError);
  });
});
