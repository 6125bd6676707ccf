/** Behaviour of the stand-in the captures do not cover: pagination edges, auth, state rules, routing. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWaldur, type WaldurStandIn } from "../../src/waldur/index.js";

let w: WaldurStandIn;
beforeAll(async () => {
  w = await startWaldur({ extraResources: 25 });
});
afterAll(() => w.close());

const get = (path: string, token = w.token) =>
  fetch(new URL(path, w.url), { headers: { authorization: `Token ${token}` } });
const post = (path: string, body?: unknown) =>
  fetch(new URL(path, w.url), {
    method: "POST",
    headers: { authorization: `token ${w.token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("LinkHeaderPagination", () => {
  it("links first/prev/next/last with sorted params, no page on first and on prev to page 1", async () => {
    const res = await get("marketplace-resources/?state=OK&page_size=10&page=2");
    const base = `${new URL(w.url).origin}/api/marketplace-resources/`;
    expect(res.headers.get("x-result-count")).toBe("27");
    expect(res.headers.get("link")).toBe(
      `<${base}?page_size=10&state=OK>; rel="first", <${base}?page_size=10&state=OK>; rel="prev", ` +
        `<${base}?page=3&page_size=10&state=OK>; rel="next", <${base}?page=3&page_size=10&state=OK>; rel="last"`,
    );
    expect(await res.json()).toHaveLength(10);
  });

  it("answers 404 Invalid page past the end, caps page_size at 300, defaults to 10", async () => {
    const past = await get("marketplace-resources/?page=99");
    expect(past.status).toBe(404);
    expect(await past.json()).toEqual({ detail: "Invalid page." });
    expect(await (await get("marketplace-resources/?page_size=1000")).json()).toHaveLength(28);
    expect(await (await get("marketplace-resources/")).json()).toHaveLength(10);
  });

  it("HEAD returns the headers only", async () => {
    const res = await fetch(new URL("users/", w.url), {
      method: "HEAD",
      headers: { authorization: `token ${w.token}` },
    });
    expect(res.headers.get("x-result-count")).toBe("2");
    expect(await res.text()).toBe("");
  });
});

describe("auth, routing and state rules", () => {
  it("401 without credentials, with the DRF message and challenge", async () => {
    const res = await fetch(new URL("users/", w.url));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe("Token");
    expect(await res.json()).toEqual({ detail: "Authentication credentials were not provided." });
  });

  it("unknown URLs and missing trailing slashes are Django's HTML 404", async () => {
    const res = await get("marketplace-resources");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("approve_by_provider needs pending-provider: 200 once, then 409", async () => {
    const order = w.data.orders[0]!.uuid;
    expect((await post(`marketplace-orders/${order}/approve_by_provider/`)).status).toBe(200);
    const again = await post(`marketplace-orders/${order}/approve_by_provider/`);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ detail: "Valid states for operation: pending-provider." });
  });

  it("submit_report refuses an empty report; set_usage refuses a Creating resource", async () => {
    const r = w.data.resources[0]!.uuid;
    const empty = await post(`marketplace-provider-resources/${r}/submit_report/`, { report: [] });
    expect(await empty.json()).toEqual({ report: ["Report object should contain at least one section."] });
    w.data.resources[0]!.state = "Creating";
    const usage = await post("marketplace-component-usages/set_usage/", {
      resource: r,
      usages: [{ type: "cpu_k_hours", amount: 1 }],
    });
    expect(usage.status).toBe(400);
    expect(await usage.json()).toEqual({ resource: ["Resource is not in valid state."] });
    w.data.resources[0]!.state = "OK";
  });
});
