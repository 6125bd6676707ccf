/** fleetUsage against a real HTTP server that counts requests in flight and answers slowly. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAlmanachClient, fleetUsage } from "../../src/index.js";

let server: Server;
let url = "";
let inFlight = 0;
let maxInFlight = 0;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const tenant = /\/v1\/project\/([^/]+)\/entities/.exec(req.url ?? "")?.[1] ?? "";
    asked.push(tenant);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // Later tenants answer faster, so completion order differs from the tenants' order.
    const delay = 40 - Number(tenant.slice(1)) * 3;
    setTimeout(
      () => {
        inFlight--;
        const row = {
          entity_id: `vm-${tenant}`,
          project_id: tenant,
          name: "vm",
          entity_type: "instance",
          flavor: "m1",
          start: "2017-01-01 00:00:00+00:00",
          end: null,
          last_event: "2017-01-01 00:00:00+00:00",
        };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify([row]));
      },
      Math.max(1, delay),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const period = { from: new Date("2017-01-01Z"), to: new Date("2017-01-02Z") };

it("fetches with bounded concurrency and yields every tenant in order", async () => {
  const client = createAlmanachClient({ baseUrl: url, token: "t" });
  const tenants = Array.from({ length: 12 }, (_, i) => `t${i}`);
  const seen: string[] = [];
  for await (const t of fleetUsage(client, { ...period, tenants, concurrency: 3 })) {
    seen.push(t.tenantId);
    expect(t.usage).toMatchObject([{ entityId: `vm-${t.tenantId}`, seconds: 86_400 }]);
  }
  expect(seen).toEqual(tenants);
  expect(maxInFlight).toBe(3);
});

it("stops fetching when the caller breaks", async () => {
  const client = createAlmanachClient({ baseUrl: url, token: "t" });
  asked.length = 0;
  async function* many() {
    for (let i = 0; i < 1000; i++) yield `t${i % 10}`;
  }
  for await (const t of fleetUsage(client, { ...period, tenants: many(), concurrency: 2 })) {
    if (t.tenantId === "t1") break;
  }
  expect(asked.length).toBeLessThanOrEqual(4);
});

it("refuses bad options before any request", async () => {
  const client = createAlmanachClient({ baseUrl: url, token: "t" });
  asked.length = 0;
  await expect(
    fleetUsage(client, { ...period, by: "week" as "day", tenants: ["t1"] }).next(),
  ).rejects.toThrow(/by/);
  expect(asked).toEqual([]);
});
