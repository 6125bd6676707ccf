/** The 8.0.5 order state machine the provider's agent drives, and the resources and periods orders make. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fault, startWaldur, type WaldurStandIn } from "../../src/waldur/index.js";

let w: WaldurStandIn;
let fault: Fault | undefined;
beforeAll(async () => {
  w = await startWaldur({ faults: () => fault, stallMs: 50 });
});
afterAll(() => w.close());

const post = (path: string, body?: unknown) =>
  fetch(new URL(path, w.url), {
    method: "POST",
    headers: { authorization: `token ${w.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const act = async (order: string, action: string, body?: unknown) => {
  const res = await post(`marketplace-orders/${order}/${action}/`, body);
  const text = await res.text();
  const json = res.headers.get("content-type")?.includes("json");
  return { status: res.status, body: text === "" ? undefined : json ? JSON.parse(text) : text };
};

describe("current orders (8.0.5)", () => {
  it("create: approve → executing, done → OK with the ordered limits and an open plan period", async () => {
    const { order, resource } = w.consumer.create({ name: "a", limits: { cpu_k_hours: 5 } });
    expect(await act(order.uuid, "set_state_done")).toEqual({
      status: 409,
      body: { detail: "Valid states for operation: executing." },
    });
    expect(await act(order.uuid, "approve_by_provider")).toEqual({
      status: 200,
      body: { detail: "Order has been approved." },
    });
    expect(order.state).toBe("executing");
    expect(resource.state).toBe("Creating");
    expect((await act(order.uuid, "approve_by_provider")).status).toBe(409);
    expect((await act(order.uuid, "set_state_executing")).status).toBe(409);
    expect(await act(order.uuid, "set_state_done")).toEqual({ status: 200, body: undefined });
    expect(resource).toMatchObject({ state: "OK", limits: { cpu_k_hours: 5 } });
    expect(w.data.planPeriods.filter((p) => p.resource_uuid === resource.uuid)).toHaveLength(1);
    expect((await act(order.uuid, "set_state_erred")).status).toBe(409);
  });

  it("set_state_executing takes a pending order; erred keeps the message; reject only while pending", async () => {
    const { order, resource } = w.consumer.create({ name: "b", limits: {} });
    expect((await act(order.uuid, "set_state_executing")).status).toBe(200);
    expect((await act(order.uuid, "reject_by_provider")).status).toBe(409);
    expect((await act(order.uuid, "set_state_erred", { error_message: 7 })).status).toBe(400);
    expect((await act(order.uuid, "set_state_erred", { error_message: "no quota" })).status).toBe(200);
    expect(order).toMatchObject({ state: "erred", error_message: "no quota" });
    expect(resource.state).toBe("Erred");
    const second = w.consumer.create({ name: "c", limits: {} });
    expect(await act(second.order.uuid, "reject_by_provider", { provider_rejection_comment: "no" })).toEqual({
      status: 200,
      body: undefined,
    });
    expect(second.resource.state).toBe("Terminated");
  });

  it("update and terminate move the resource through Updating / Terminating", async () => {
    const { order, resource } = w.consumer.create({ name: "d", limits: { cpu_k_hours: 1 } });
    await act(order.uuid, "approve_by_provider");
    await act(order.uuid, "set_state_done");
    const update = w.consumer.update(resource.uuid, { cpu_k_hours: 9 });
    await act(update.uuid, "approve_by_provider");
    expect(resource.state).toBe("Updating");
    await act(update.uuid, "set_state_done");
    expect(resource).toMatchObject({ state: "OK", limits: { cpu_k_hours: 9 } });
    const end = w.consumer.terminate(resource.uuid);
    await act(end.uuid, "approve_by_provider");
    expect(resource.state).toBe("Terminating");
    await act(end.uuid, "set_state_done");
    expect(resource.state).toBe("Terminated");
  });

  it("unknown order → 404; unknown action → HTML 404", async () => {
    expect((await act("00000000000000000000000000000001", "set_state_done")).status).toBe(404);
    const res = await post(`marketplace-orders/${w.data.orders[0]!.uuid}/fly/`);
    expect(res.status).toBe(404);
  });
});

describe("legacy order items", () => {
  it("approve: pending → executing → done; then 400", async () => {
    const { order, resource } = w.consumer.create({ name: "e", limits: { cpu_k_hours: 2 }, legacy: true });
    const approve = () => post(`marketplace-order-items/${order.uuid}/approve/`);
    expect((await approve()).status).toBe(200);
    expect(order.state).toBe("executing");
    expect((await approve()).status).toBe(200);
    expect(order.state).toBe("done");
    expect(resource.state).toBe("OK");
    const again = await approve();
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual(["Order item is not in executing or pending state."]);
  });
});

describe("fault injection", () => {
  it("5xx answers 503 without applying; reset-after applies and drops the answer", async () => {
    const { order } = w.consumer.create({ name: "f", limits: {} });
    fault = "5xx";
    expect((await act(order.uuid, "approve_by_provider")).status).toBe(503);
    expect(order.state).toBe("pending-provider");
    fault = "reset-after";
    await expect(act(order.uuid, "approve_by_provider")).rejects.toThrow();
    expect(order.state).toBe("executing");
    fault = "stall";
    expect((await act(order.uuid, "set_state_done")).status).toBe(200);
    fault = undefined;
  });
});
