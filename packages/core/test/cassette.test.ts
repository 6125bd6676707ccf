import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient, isSdkError, keystoneAuth, tokenAuth } from "../src/index.js";
import { CassetteMismatchError, cassetteDispatcher } from "../src/testing/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
const upstream = new Agent();
const dir = mkdtempSync(join(tmpdir(), "mk-cassette-"));

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url.endsWith("/auth/tokens")) {
      return json(
        res,
        201,
        { token: { expires_at: "2099-01-01T00:00:00Z", catalog: [] } },
        { "x-subject-token": "subject-token-canary-123" },
      );
    }
    if (req.method === "POST")
      return json(res, 201, { created: JSON.parse(req.body), secret: "server-secret-canary" });
    json(res, 200, [{ id: 1, url: req.url }], { "x-result-count": "1" });
  });
});
afterAll(async () => {
  await upstream.close();
  await server.close();
});

async function exercise(dispatcher: ReturnType<typeof cassetteDispatcher>, baseUrl: string) {
  const auth = keystoneAuth({
    authUrl: baseUrl,
    username: "u",
    password: "password-canary-456",
    projectName: "p",
    dispatcher,
  });
  await auth.token();
  const http = createHttpClient({
    baseUrl,
    auth: tokenAuth({ token: "static-token-canary-789", scheme: "token" }),
    dispatcher,
  });
  const list = await http.request({ method: "GET", path: "/things/", query: { page: 1 } });
  const created = await http.request({
    method: "POST",
    path: "/things/",
    body: { name: "a", password: "body-password-canary" },
  });
  return { list: list.data, created: created.data, total: list.headers["x-result-count"] };
}

describe("cassetteDispatcher", () => {
  it("records real exchanges with every secret redacted, then replays them without a network", async () => {
    const file = join(dir, "exchanges.json");
    const recorder = cassetteDispatcher({ file, mode: "record", upstream });
    const live = await exercise(recorder, server.url);
    const text = readFileSync(file, "utf8");
    for (const canary of [
      "password-canary-456",
      "static-token-canary-789",
      "subject-token-canary-123",
      "body-password-canary",
      "server-secret-canary",
    ]) {
      expect(text).not.toContain(canary);
    }
    expect(JSON.parse(text).exchanges).toHaveLength(3);

    const player = cassetteDispatcher({ file, mode: "replay" });
    const before = server.received.length;
    const replayed = await exercise(player, server.url);
    expect(server.received.length).toBe(before); // nothing reached the server
    expect(replayed.list).toEqual(live.list);
    expect(replayed.total).toBe("1");
    expect(player.unused()).toEqual([]);
  });

  it("fails clearly on a request the cassette does not hold", async () => {
    const file = join(dir, "one.json");
    const recorder = cassetteDispatcher({ file, mode: "record", upstream });
    await createHttpClient({ baseUrl: server.url, dispatcher: recorder }).request({
      method: "GET",
      path: "/a",
    });
    const player = cassetteDispatcher({ file, mode: "replay" });
    const http = createHttpClient({ baseUrl: server.url, dispatcher: player });
    const error = await http.request({ method: "GET", path: "/b" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CassetteMismatchError);
    expect(isSdkError(error, "cassette_mismatch")).toBe(true);
    expect((error as Error).message).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/b/);
    await http.request({ method: "GET", path: "/a" });
    await expect(http.request({ method: "GET", path: "/a" })).rejects.toThrow(/no unused exchange/);
  });
});
