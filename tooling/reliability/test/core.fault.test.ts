/** core itself under the fault schedule, against a small real JSON service (baseline for the clients). */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient } from "@meterkit/core";
import { Agent } from "undici";
import { expect, it } from "vitest";
import { retryCounter, runCampaign } from "../src/campaign.js";
import { startFaultProxy } from "../src/fault-proxy.js";
import { expectResilient, record } from "./support/verdict.js";

it("core: 1,000 operations complete or fail typed, no POST is sent twice, no socket is left open", async () => {
  const store = new Map<string, unknown>();
  const service = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.method === "POST") {
        const body = JSON.parse(Buffer.concat(chunks).toString() || "{}");
        store.set(body.name, body);
        res.statusCode = 201;
        return res.end(JSON.stringify(body));
      }
      res.end(JSON.stringify({ items: [...store.keys()].slice(0, 20), count: store.size }));
    });
  });
  await new Promise<void>((r) => service.listen(0, "127.0.0.1", r));
  const proxy = await startFaultProxy({
    target: `http://127.0.0.1:${(service.address() as AddressInfo).port}`,
    seed: 20261125,
    stallMs: 1_400,
  });
  const dispatcher = new Agent({ keepAliveTimeout: 2_000 });
  const counter = retryCounter();
  const http = createHttpClient({
    baseUrl: proxy.url,
    dispatcher,
    timeoutMs: 300,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50, onRetry: counter.onRetry },
  });
  const operations = Array.from({ length: 1_000 }, (_, i) =>
    i % 3 === 0
      ? {
          name: `create ${i}`,
          run: () => http.request({ method: "POST", path: "/things", body: { name: `thing-${i}` } }),
        }
      : { name: `list ${i}`, run: () => http.request({ method: "GET", path: "/things", query: { i } }) },
  );
  const row = await runCampaign({
    client: "core",
    proxy,
    operations,
    concurrency: 8,
    retries: () => counter.retries,
    closeClient: () => dispatcher.close(),
  });
  record(row);
  await proxy.close();
  service.close();
  expect(row.retries).toBeGreaterThan(0);
  expectResilient(row, 1_000);
});
