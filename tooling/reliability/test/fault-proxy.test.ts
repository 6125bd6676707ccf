/**
 * The harness itself can fail: a client that repeats a POST is caught as a duplicate (unless exempt), and
 * a dispatcher left open shows up as open sockets. Without these, a green fault table would prove nothing.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient } from "@meterkit/core";
import { Agent } from "undici";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCampaign } from "../src/campaign.js";
import { startFaultProxy } from "../src/fault-proxy.js";

let service: Server;
let target: string;
beforeAll(async () => {
  service = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(201, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((r) => service.listen(0, "127.0.0.1", r));
  target = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => service.close(() => r())));

async function postsMarkedSafe(exempt?: (method: string, path: string) => boolean) {
  // Every request is answered, then its connection reset: the client cannot know the POST was applied.
  const proxy = await startFaultProxy({
    target,
    seed: 7,
    faultRate: 1,
    kinds: ["reset-after"],
    ...(exempt ? { exempt } : {}),
  });
  const dispatcher = new Agent();
  const http = createHttpClient({
    baseUrl: proxy.url,
    dispatcher,
    retry: { maxAttempts: 2, baseDelayMs: 1 },
  });
  const operations = Array.from({ length: 20 }, (_, i) => ({
    name: `post ${i}`,
    run: () => http.request({ method: "POST", path: "/quote", body: { i }, idempotent: true }),
  }));
  const row = await runCampaign({
    client: "control",
    proxy,
    operations,
    retries: () => 0,
    closeClient: () => dispatcher.close(),
  });
  await proxy.close();
  return row;
}

it("counts a POST the client sent twice as a duplicate", async () => {
  const row = await postsMarkedSafe();
  expect(row.duplicates).toBe(20);
  expect(row.typedFailures).toBe(20);
});

it("does not count a POST the caller marked safe and the proxy was told to exempt", async () => {
  const row = await postsMarkedSafe((method, path) => method === "POST" && path === "/quote");
  expect(row.duplicates).toBe(0);
});

it("reports sockets a client left open", async () => {
  const proxy = await startFaultProxy({ target, seed: 7, faultRate: 0 });
  const dispatcher = new Agent({ keepAliveTimeout: 60_000 });
  const http = createHttpClient({ baseUrl: proxy.url, dispatcher });
  const row = await runCampaign({
    client: "control",
    proxy,
    operations: [{ name: "get", run: () => http.request({ method: "GET", path: "/x" }) }],
    retries: () => 0,
    closeClient: async () => {}, // the bug under test: the dispatcher is never closed
  });
  expect(row.openSockets).toBeGreaterThan(0);
  await dispatcher.close();
  await proxy.close();
});
