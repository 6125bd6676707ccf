/**
 * The provider agent against the Waldur stand-in (a real HTTP server on 127.0.0.1): orders on both server
 * generations, policy, backend failures, usage that is reported twice, membership both ways, an HA pair,
 * dry-run, 5xx backoff and stopping by AbortSignal.
 */
import { defaultWaldurData, type Fault, startWaldur, type WaldurStandIn } from "@meterkit/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { type AgentEvent, createAgent } from "../src/agent/index.js";
import { memoryBackend } from "./support/memory-backend.js";

const OFFERING = "cf4eb9c29fc74af4ade667fcb53633d5";
const PROJECT = "8a158ebf1abf4c74a431b9c65a0d7829";
const [ALICE, BOB] = ["bb235c67dcb44470a45d4e0f94e0ed00", "0cc72de4ebb840d98fef133e4433ec9a"];

let w: WaldurStandIn | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function standIn(generation: "current" | "legacy" = "current", faults?: () => Fault | undefined) {
  const data = defaultWaldurData();
  data.orders = [];
  data.orderItems = [];
  data.resources = [];
  data.planPeriods = [];
  w = await startWaldur({ data, generation, ...(faults ? { faults } : {}) });
  return w;
}

function logger(events: AgentEvent[]) {
  return {
    info: (_: string, e: AgentEvent) => events.push(e),
    warn: (_: string, e: AgentEvent) => events.push(e),
  };
}

describe.each(["current", "legacy"] as const)("orders on %s servers", (generation) => {
  it("creates, updates and terminates; the backend's refusal fails the order with its message", async () => {
    const s = await standIn(generation);
    const legacy = generation === "legacy";
    const { backend, accounts, counts } = memoryBackend({
      refuse: (n) => (n === "too big" ? "quota exceeded" : undefined),
    });
    const events: AgentEvent[] = [];
    const agent = createAgent({
      waldur: { baseUrl: s.url, token: s.token, generation },
      backend,
      offerings: [OFFERING],
      logger: logger(events),
    });
    const a = s.consumer.create({ name: "alpha", limits: { cpu_k_hours: 10 }, legacy });
    const big = s.consumer.create({ name: "too big", limits: { cpu_k_hours: 1e6 }, legacy });
    await agent.once("orders");
    expect(a.order.state).toBe("done");
    expect(a.resource).toMatchObject({ state: "OK", backend_id: "acct-1", limits: { cpu_k_hours: 10 } });
    expect(big.order.state).toBe(legacy ? "terminated" : "erred");
    if (!legacy) expect(big.order.error_message).toBe("quota exceeded");
    expect(accounts.get("acct-1")?.limits).toEqual({ cpu_k_hours: 10 });

    const update = s.consumer.update(a.resource.uuid, { cpu_k_hours: 20 }, legacy);
    await agent.once("orders");
    expect(update.state).toBe("done");
    expect(accounts.get("acct-1")?.limits).toEqual({ cpu_k_hours: 20 });
    const end = s.consumer.terminate(a.resource.uuid, legacy);
    await agent.once("orders");
    expect(end.state).toBe("done");
    expect(a.resource.state).toBe("Terminated");
    expect(accounts.get("acct-1")?.terminated).toBe(true);
    expect(counts).toEqual({ creates: 1, updates: 1, terminates: 1 });
    expect(events.filter((e) => e.event === "order.done")).toHaveLength(3);
    expect(agent.status.orders).toMatchObject({ runs: 3, failures: 0 });
  });
});

describe("orders", () => {
  it("an order left executing by a crashed agent is finished without a second allocation", async () => {
    const s = await standIn();
    const { backend, counts } = memoryBackend();
    const first = createAgent({ waldur: { baseUrl: s.url, token: s.token }, backend, offerings: [OFFERING] });
    const { order, resource } = s.consumer.create({ name: "x", limits: {} });
    // The first agent allocated, then died before telling Waldur.
    await fetch(`${s.url}marketplace-orders/${order.uuid}/approve_by_provider/`, {
      method: "POST",
      headers: { authorization: `token ${s.token}` },
    });
    await backend.createAllocation({
      key: order.uuid,
      name: "x",
      limits: {},
      resource: undefined,
      order: {} as never,
    });
    await first.once("orders");
    expect(order.state).toBe("done");
    expect(resource.backend_id).toBe("acct-1");
    expect(counts.creates).toBe(1);
  });

  it("the policy rejects with a reason; dry-run changes nothing", async () => {
    const s = await standIn();
    const { backend, counts } = memoryBackend();
    const events: AgentEvent[] = [];
    const o = s.consumer.create({ name: "nope", limits: {} });
    const options = {
      waldur: { baseUrl: s.url, token: s.token },
      backend,
      offerings: [OFFERING],
      logger: logger(events),
    };
    await createAgent({ ...options, dryRun: true }).once("orders");
    expect(o.order.state).toBe("pending-provider");
    expect(events).toEqual([{ event: "order.skipped", order: o.order.uuid, reason: "dry-run" }]);
    await createAgent({
      ...options,
      policy: () => ({ approve: false, reason: "no project agreement" }),
    }).once("orders");
    expect(o.order.state).toBe("rejected");
    expect(counts.creates).toBe(0);
  });

  it("an HA pair processes every order once: the loser of each 409 leaves it alone", async () => {
    const s = await standIn();
    const { backend, counts } = memoryBackend();
    const events: AgentEvent[] = [];
    const made = Array.from({ length: 12 }, (_, i) =>
      s.consumer.create({ name: `r${i}`, limits: { cpu_k_hours: i } }),
    );
    const options = {
      waldur: { baseUrl: s.url, token: s.token },
      backend,
      offerings: [OFFERING],
      logger: logger(events),
    };
    await Promise.all([createAgent(options).once("orders"), createAgent(options).once("orders")]);
    expect(made.every((m) => m.order.state === "done")).toBe(true);
    expect(counts.creates).toBe(12);
    expect(events.filter((e) => e.event === "order.done")).toHaveLength(12);
    expect(events.filter((e) => e.event === "order.skipped").length).toBeGreaterThan(0);
  });

  it("backs off on 5xx and stops on abort", async () => {
    let failing = true;
    const s = await standIn("current", () => (failing ? "5xx" : undefined));
    const { backend } = memoryBackend();
    const events: AgentEvent[] = [];
    const agent = createAgent({
      waldur: { baseUrl: s.url, token: s.token, retry: false },
      backend,
      offerings: [OFFERING],
      logger: logger(events),
      intervalMs: { orders: 10 },
      backoff: { baseMs: 20, maxMs: 40 },
    });
    const o = s.consumer.create({ name: "later", limits: {} });
    const stop = new AbortController();
    const running = agent.run(stop.signal, ["orders"]);
    await expect.poll(() => agent.status.orders.consecutiveFailures, { timeout: 5000 }).toBeGreaterThan(1);
    expect(o.order.state).toBe("pending-provider");
    failing = false;
    await expect.poll(() => o.order.state, { timeout: 5000 }).toBe("done");
    stop.abort();
    await running;
    expect(agent.status.orders.consecutiveFailures).toBe(0);
    expect(events.at(-1)).toEqual({ event: "loop.stopped", loop: "orders" });
    const failed = events.filter((e) => e.event === "loop.failed");
    expect(failed.length).toBeGreaterThan(1);
  });
});

describe("usage and membership", () => {
  it("usage reported twice is kept once; the team follows joins and leaves", async () => {
    const s = await standIn();
    const { backend, accounts } = memoryBackend();
    const agent = createAgent({ waldur: { baseUrl: s.url, token: s.token }, backend, offerings: [OFFERING] });
    const { resource } = s.consumer.create({ name: "u", limits: {} });
    await agent.once("orders");
    const account = accounts.get(resource.backend_id)!;
    account.usage = { cpu_k_hours: 3.5 };
    await agent.once("usage");
    await agent.once("usage");
    account.usage = { cpu_k_hours: 7, gpu_k_hours: 1 };
    await agent.once("usage");
    await agent.once("usage");
    const period = s.data.planPeriods.find((p) => p.resource_uuid === resource.uuid)!;
    expect(Object.fromEntries(period.usages.map((u) => [u.type, u.usage]))).toEqual({
      cpu_k_hours: "7.00",
      gpu_k_hours: "1.00",
    });

    await agent.once("membership");
    expect([...account.users].sort()).toEqual(["csc_api_user", "etais_api_user"]);
    expect(s.data.offeringUsers.map((u) => u.username).sort()).toEqual(["csc_api_user", "etais_api_user"]);
    s.consumer.leave(PROJECT, BOB!);
    await agent.once("membership");
    expect([...account.users]).toEqual(["csc_api_user"]);
    s.consumer.join(PROJECT, BOB!);
    await agent.once("membership");
    expect([...account.users].sort()).toEqual(["csc_api_user", "etais_api_user"]);
    expect(s.data.offeringUsers).toHaveLength(2);
    expect(ALICE).toBeDefined();
  });
});
