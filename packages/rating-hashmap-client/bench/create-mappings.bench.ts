/**
 * Create 1,000 mappings in the real CloudKitty: sequentially and with bounded concurrency through this
 * client, beside raw undici (the transport floor) and the official Python cloudkittyclient (the peer).
 * MK_BENCH_MAPPINGS changes the count. Prints rates and ratios measured in the same run.
 */
import { execFileSync } from "node:child_process";
import { request } from "undici";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createHashMapClient, type Field, type Service } from "../src/index.js";
import { haveCloudKitty, services, unique } from "../test/support/services.js";

const N = Number(process.env.MK_BENCH_MAPPINGS ?? 1000);
const CONCURRENCY = Number(process.env.MK_BENCH_CONCURRENCY ?? 8);
const url = services.MK_CLOUDKITTY_NOAUTH_URL ?? "";
const hm = createHashMapClient({ baseUrl: url || "http://127.0.0.1:9" });
let svc: Service;
let field: Field;
const results: { name: string; seconds: number }[] = [];

async function timed(name: string, run: () => Promise<void>): Promise<void> {
  const started = process.hrtime.bigint();
  await run();
  results.push({ name, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
}

/** Run `task(i)` for i < n with at most `limit` in flight. */
async function pool(n: number, limit: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

beforeAll(async () => {
  if (!haveCloudKitty) return;
  svc = await hm.services.create({ name: unique("bench") });
  field = await hm.fields.create({ service_id: svc.service_id, name: "flavor_id" });
});
afterAll(async () => {
  if (svc) await hm.services.delete({ serviceId: svc.service_id });
  if (results.length === 0) return;
  const base = results[0]!.seconds;
  console.log(`\ncreate ${N} mappings in CloudKitty 17 (${url})`);
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(44)} ${(N / r.seconds).toFixed(1).padStart(8)} mappings/s  ${(base / r.seconds).toFixed(2)}× sequential`,
    );
  }
  // Machine-readable lines for the root `pnpm bench` (tooling/bench/run.mjs), each against sequential.
  for (const r of results.slice(1)) {
    const [value, baseline] = [+(N / r.seconds).toFixed(1), +(N / base).toFixed(1)];
    const line = { name: `rating ${N} mappings: ${r.name} vs meterkit sequential`, value, baseline };
    console.log(
      `BENCH ${JSON.stringify({ ...line, ratio: +(base / r.seconds).toFixed(3), unit: "mappings/s" })}`,
    );
  }
});

test.skipIf(!haveCloudKitty)(
  "sequential vs bounded concurrency vs raw undici vs python-cloudkittyclient",
  async () => {
    await timed("meterkit, sequential", async () => {
      for (let i = 0; i < N; i++)
        await hm.mappings.create({ field_id: field.field_id, value: `seq-${i}`, cost: "0.5" });
    });
    await timed(`meterkit, ${CONCURRENCY} in flight`, () =>
      pool(N, CONCURRENCY, (i) =>
        hm.mappings.create({ field_id: field.field_id, value: `par-${i}`, cost: "0.5" }),
      ),
    );
    await timed("raw undici request(), sequential", async () => {
      for (let i = 0; i < N; i++) {
        const res = await request(`${url}/v1/rating/module_config/hashmap/mappings`, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ field_id: field.field_id, value: `raw-${i}`, cost: "0.5" }),
        });
        await res.body.json();
        expect(res.statusCode).toBe(201);
      }
    });
    const script = `
import os, sys
from keystoneauth1 import session
from cloudkittyclient import client
from cloudkittyclient.auth import CloudKittyNoAuthPlugin
c = client.Client("1", session=session.Session(auth=CloudKittyNoAuthPlugin(endpoint=os.environ["U"])))
for i in range(int(os.environ["N"])):
    c.rating.hashmap.create_mapping(field_id=os.environ["F"], value="py-%d" % i, cost=0.5)
`;
    let python = true;
    await timed("python-cloudkittyclient 4.6, sequential", async () => {
      try {
        execFileSync("/usr/bin/python3", ["-c", script], {
          env: { ...process.env, U: url, N: String(N), F: field.field_id },
          stdio: "pipe",
        });
      } catch (error) {
        python = false;
        console.log(`python-cloudkittyclient could not run: ${(error as Error).message.split("\n")[0]}`);
      }
    });
    if (!python) results.pop();
    // CloudKitty lists with one query per row: give the check time.
    const listed = await hm.mappings.list({ field_id: field.field_id }, { timeoutMs: 600_000 });
    expect(listed).toHaveLength(N * (python ? 4 : 3));
  },
);
