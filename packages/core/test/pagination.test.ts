import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, createHttpClient, linkRel, ResponseValidationError } from "../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
const dispatcher = new Agent();
const TOTAL = 23;

beforeAll(async () => {
  // A DRF-style LinkHeaderPagination server: bare arrays, Link with first/prev/next/last, X-Result-Count.
  server = await startServer((req, res) => {
    const url = new URL(req.url, server.url);
    if (url.pathname === "/api/plain/") return json(res, 200, [{ id: 1 }, { id: 2 }]);
    if (url.pathname === "/api/wrapped/") return json(res, 200, { services: [{ id: "s" }] });
    const page = Number(url.searchParams.get("page") ?? "1");
    const size = Number(url.searchParams.get("page_size") ?? "10");
    const items = Array.from({ length: TOTAL }, (_, i) => ({ id: i + 1 })).slice(
      (page - 1) * size,
      page * size,
    );
    const last = Math.ceil(TOTAL / size);
    const link = (p: number) => {
      const u = new URL(url);
      u.searchParams.set("page", String(p));
      // Servers behind proxies build links from the Host they saw: use a foreign host on purpose.
      u.host = "public.example.com";
      return u.toString();
    };
    const rels = [`<${link(1)}>; rel="first"`];
    if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`);
    rels.push(`<${link(last)}>; rel="last"`);
    json(res, 200, items, { link: rels.join(", "), "x-result-count": String(TOTAL) });
  });
});
afterAll(async () => {
  await dispatcher.close();
  await server.close();
});

const http = () => createHttpClient({ baseUrl: `${server.url}/api/`, dispatcher });

describe("paginate", () => {
  it("follows rel=next to the end, on our own origin, keeping the query", async () => {
    const before = server.received.length;
    const items = await collect(
      http().paginate<{ id: number }>({ path: "/orders/", query: { page_size: 10, state: ["a", "b"] } }),
    );
    expect(items.map((i) => i.id)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    const urls = server.received.slice(before).map((r) => r.url);
    expect(urls).toEqual([
      "/api/orders/?page_size=10&state=a&state=b",
      "/api/orders/?page_size=10&state=a&state=b&page=2",
      "/api/orders/?page_size=10&state=a&state=b&page=3",
    ]);
  });

  it("exposes pages with totals from X-Result-Count", async () => {
    const sizes: number[] = [];
    for await (const page of http()
      .paginate<{ id: number }>({ path: "/orders/", query: { page_size: 10 } })
      .pages()) {
      expect(page.total).toBe(TOTAL);
      sizes.push(page.data.length);
    }
    expect(sizes).toEqual([10, 10, 3]);
  });

  it("stops fetching when the caller breaks or a limit is reached", async () => {
    const before = server.received.length;
    for await (const item of http().paginate<{ id: number }>({ path: "/orders/", query: { page_size: 5 } })) {
      if (item.id === 3) break;
    }
    expect(server.received.length - before).toBe(1);
    const limited = await collect(http().paginate({ path: "/orders/", query: { page_size: 5 }, limit: 7 }));
    expect(limited).toHaveLength(7);
    expect(server.received.length - before).toBe(3);
    expect(await collect(http().paginate({ path: "/orders/" }), 2)).toHaveLength(2);
  });

  it("treats a response without Link as a plain list, and extracts wrapped items", async () => {
    expect(await collect(http().paginate({ path: "/plain/" }))).toEqual([{ id: 1 }, { id: 2 }]);
    const wrapped = await collect(
      http().paginate<{ id: string }>({
        path: "/wrapped/",
        items: (b) => (b as { services: { id: string }[] }).services,
      }),
    );
    expect(wrapped).toEqual([{ id: "s" }]);
    await expect(collect(http().paginate({ path: "/wrapped/" }))).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });
});

describe("linkRel", () => {
  it("finds a relation by rel, whatever its position or quoting", () => {
    expect(linkRel('<https://h/x?page=3>; rel="next"', "next")).toBe("https://h/x?page=3");
    expect(linkRel('<https://h/1>; rel="first", <https://h/3>; rel="next"', "next")).toBe("https://h/3");
    expect(linkRel('<https://h/3>; rel=next, <https://h/1>; rel="prev"', "prev")).toBe("https://h/1");
    expect(linkRel('<https://h/a,b?x=1,2>; title="a, b"; rel="next last"', "last")).toBe(
      "https://h/a,b?x=1,2",
    );
    expect(linkRel('<https://h/1>; rel="first"', "next")).toBeUndefined();
    expect(linkRel(undefined, "next")).toBeUndefined();
    expect(linkRel('<https://h/9>; REL="Next"', "next")).toBe("https://h/9");
  });
});
