/**
 * @meterkit/connector-model's CMP context (`createCmpContext`, the only part of the package that talks
 * HTTP) under 1,000 faulty operations: task progress (POST) and account updates (PATCH) against a small
 * real CMP API on 127.0.0.1, behind the fault proxy. The context has no retry and no middleware option,
 * so retries stay 0; its timeouts are the dispatcher's.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  Account,
  createCmpContext,
  isConnectorModelError,
  setTaskPercentage,
} from "@meterkit/connector-model";
import { isSdkError } from "@meterkit/core";
import { Agent } from "undici";
import { expect, it } from "vitest";
import { type Operation, runCampaign } from "../src/campaign.js";
import { startFaultProxy } from "../src/fault-proxy.js";
import { expectResilient, record } from "./support/verdict.js";

const OPERATIONS = 1_000;

it("connector-model CMP context: every operation completes or fails typed, nothing reaches CMP twice, no socket left open", async () => {
  const seen: string[] = [];
  const cmp = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString() || "null"); // a body that is not JSON fails the request
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((r) => cmp.listen(0, "127.0.0.1", r));
  const proxy = await startFaultProxy({
    target: `http://127.0.0.1:${(cmp.address() as AddressInfo).port}`,
    seed: 3003,
    stallMs: 1_400,
  });
  // No timeout option on the context: the dispatcher's headers/body timeouts bound each request.
  const dispatcher = new Agent({ keepAliveTimeout: 2_000, headersTimeout: 300, bodyTimeout: 300 });
  const context = createCmpContext({ cmpUrl: proxy.url, token: "cmp-token", moduleId: 7, dispatcher });
  const operations: Operation[] = Array.from({ length: OPERATIONS }, (_, i) =>
    i % 2 === 0
      ? { name: `setTaskPercentage ${i}`, run: () => setTaskPercentage(context, `task-${i}`, i % 101) }
      : {
          name: `Account.update ${i}`,
          run: () => new Account({ id: `account-${i}` }).update(context, `account-${i}`),
        },
  );
  const untyped: string[] = [];
  const row = record(
    await runCampaign({
      client: "connector-model cmp",
      proxy,
      operations,
      concurrency: 8,
      retries: () => 0,
      closeClient: () => dispatcher.close(),
      isTyped: (error) => isConnectorModelError(error) || isSdkError(error),
      onUntyped: (op, error) => untyped.push(`${op}: ${(error as Error).name}: ${(error as Error).message}`),
    }),
  );
  await proxy.close();
  cmp.close();
  expect(seen.length).toBeGreaterThan(0);
  // Failures that are neither ConnectorModelError nor core's SdkError, by kind, in the failure message.
  expect(untyped.slice(0, 5)).toEqual([]);
  expectResilient(row, OPERATIONS);
});
