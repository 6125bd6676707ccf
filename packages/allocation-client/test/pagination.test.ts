/** Pagination against the stand-in: many pages followed by `Link: rel="next"`, totals, early exit. */
import { startWaldur, type WaldurStandIn } from "@meterkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, createWaldurClient } from "./support/client.js";

let w: WaldurStandIn;
beforeAll(async () => {
  w = await startWaldur({ extraResources: 1_000 });
});
afterAll(() => w.close());

describe("pagination", () => {
  it("walks more than 3 pages and yields every resource once, in order", async () => {
    const waldur = createWaldurClient({ baseUrl: w.url, token: w.token, pageSize: 300 });
    const seen = await collect(waldur.resources.list());
    expect(seen).toHaveLength(w.data.resources.length);
    expect(seen.map((r) => r.uuid)).toEqual(w.data.resources.map((r) => r.uuid));
  });

  it("exposes pages with X-Result-Count totals and honours pageSize per call", async () => {
    const waldur = createWaldurClient({ baseUrl: w.url, token: w.token });
    const sizes: number[] = [];
    const totals = new Set<number | undefined>();
    for await (const page of waldur.resources.list({ state: "OK" }, { pageSize: 250 }).pages()) {
      sizes.push(page.data.length);
      totals.add(page.total);
      expect(page.url.searchParams.getAll("page_size")).toEqual(["250"]);
    }
    const ok = w.data.resources.filter((r) => r.state === "OK").length;
    expect(sizes.length).toBeGreaterThan(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(ok);
    expect([...totals]).toEqual([ok]);
  });

  it("stops fetching at `limit` and on break", async () => {
    const waldur = createWaldurClient({ baseUrl: w.url, token: w.token, pageSize: 10 });
    expect(await collect(waldur.resources.list({}, { limit: 25 }))).toHaveLength(25);
    let n = 0;
    for await (const _ of waldur.users.list()) if (++n === 1) break;
    expect(n).toBe(1);
  });
});
