/** withCassette: every request through undici's global dispatcher, vcrpy's new_episodes, ignored hosts. */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, isSdkError } from "../src/index.js";
import { cassetteDispatcher, interceptGlobalDispatcher, withCassette } from "../src/testing/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
let other: LocalServer;
const dir = mkdtempSync(join(tmpdir(), "mk-global-cassette-"));
const paths = (file: string) =>
  (JSON.parse(readFileSync(file, "utf8")) as { exchanges: { request: { url: string } }[] }).exchanges.map(
    (e) => new URL(e.request.url).pathname,
  );

beforeAll(async () => {
  server = await startServer((req, res) => json(res, 200, { path: req.url, n: server.received.length }));
  other = await startServer((req, res) => json(res, 200, { other: req.url }));
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe("withCassette", () => {
  it("records core's default transport, undici.request and fetch alike, then replays them", async () => {
    const file = join(dir, "all.json");
    const run = () => {
      const http = createHttpClient({ baseUrl: server.url });
      return Promise.all([
        http.request({ method: "GET", path: "/core" }).then((r) => r.data),
        request(`${server.url}/undici`).then((r) => r.body.json()),
        fetch(`${server.url}/fetch`).then((r) => r.json()),
      ]);
    };
    const live = await withCassette({ file, mode: "record" }, run);
    expect(paths(file).sort()).toEqual(["/core", "/fetch", "/undici"]);
    const sent = server.received.length;
    const replayed = await withCassette({ file, mode: "replay" }, async (cassette) => {
      const out = await run();
      expect(cassette.unused()).toEqual([]);
      return out;
    });
    expect(server.received.length).toBe(sent);
    expect(replayed).toEqual(live);
  });

  it("new_episodes replays what it holds and appends what it does not", async () => {
    const file = join(dir, "episodes.json");
    const get = (path: string) => request(`${server.url}${path}`).then((r) => r.body.json());
    const first = await withCassette({ file, mode: "new_episodes" }, () => get("/a"));
    const sent = server.received.length;
    const [again, b] = await withCassette({ file, mode: "new_episodes" }, async (cassette) => {
      const out = [await get("/a"), await get("/b")];
      expect(cassette.recorded().map((e) => new URL(e.request.url).pathname)).toEqual(["/b"]);
      return out;
    });
    expect(again).toEqual(first);
    expect(server.received.slice(sent).map((r) => r.url)).toEqual(["/b"]);
    expect(paths(file)).toEqual(["/a", "/b"]);
    expect(b).toEqual({ path: "/b", n: sent + 1 });
  });

  it("keeps concurrent cassettes apart and leaves requests outside any cassette alone", async () => {
    const one = join(dir, "one.json");
    const two = join(dir, "two.json");
    await Promise.all([
      withCassette({ file: one, mode: "record" }, () => request(`${server.url}/one`)),
      withCassette({ file: two, mode: "record" }, () => request(`${server.url}/two`)),
      request(`${server.url}/outside`),
    ]);
    expect(paths(one)).toEqual(["/one"]);
    expect(paths(two)).toEqual(["/two"]);
  });

  it("sends ignored hosts as they are, in every mode", async () => {
    const file = join(dir, "ignored.json");
    const host = new URL(other.url).host;
    await withCassette({ file, mode: "record", ignoreHosts: [host] }, async () => {
      await request(`${server.url}/kept`);
      await request(`${other.url}/ignored`);
    });
    expect(paths(file)).toEqual(["/kept"]);
    const before = other.received.length;
    const answer = await withCassette({ file, mode: "replay", ignoreHosts: [host] }, async () => {
      await request(`${server.url}/kept`);
      return request(`${other.url}/ignored`).then((r) => r.body.json());
    });
    expect(answer).toEqual({ other: "/ignored" });
    expect(other.received.length).toBe(before + 1);
  });

  it("replay fails on an unrecorded request with nothing sent; once records only a missing file", async () => {
    const file = join(dir, "once.json");
    expect(existsSync(file)).toBe(false);
    await withCassette({ file, mode: "once" }, () => request(`${server.url}/once`));
    const sent = server.received.length;
    const error = await withCassette({ file, mode: "once" }, () => request(`${server.url}/later`)).catch(
      (e: unknown) => e,
    );
    expect(isSdkError(error, "cassette_mismatch")).toBe(true);
    expect(server.received.length).toBe(sent);
  });

  it("matchOn decides what must agree, and bad options are refused before anything is sent", async () => {
    const file = join(dir, "match.json");
    const post = (body: string) => request(`${server.url}/p`, { method: "POST", body });
    await withCassette({ file, mode: "record" }, () => post('{"at":1}'));
    await expect(withCassette({ file, mode: "replay" }, () => post('{"at":2}'))).rejects.toThrow(/no unused/);
    await withCassette({ file, mode: "replay", matchOn: ["method", "url"] }, () => post('{"at":2}'));
    expect(() => cassetteDispatcher({ file, mode: "live" as "record" })).toThrow(/mode/);
    expect(() => cassetteDispatcher({ file, mode: "record", matchOn: ["host" as "url"] })).toThrow(/matchOn/);
  });

  it("intercepts once: the router stays the global dispatcher and the real transport stays behind it", () => {
    expect(interceptGlobalDispatcher()).toBe(interceptGlobalDispatcher());
  });
});
