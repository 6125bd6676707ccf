/** A cassette scrubs the credentials its requests carry wherever a server echoes them, with no global registry. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHttpClient, keystoneAuth, tokenAuth } from "../src/index.js";
import { cassetteDispatcher } from "../src/testing/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url.endsWith("/auth/tokens")) {
      return json(res, 201, { token: { catalog: [] } }, { "x-subject-token": "issued-subject-token-1" });
    }
    const auth = String(req.headers.authorization ?? req.headers["x-auth-token"] ?? "");
    json(res, 400, { detail: `token ${auth} rejected`, url: req.url, body: req.body }, { "x-echo": auth });
  });
});
afterAll(() => server.close());

it("no credential of a recorded request, nor an issued token, reaches the cassette file", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "mk-cassette-")), "c.json");
  const dispatcher = cassetteDispatcher({ file, mode: "record" });
  const waldurLike = createHttpClient({
    baseUrl: server.url,
    auth: tokenAuth({ token: "static-token-abcdef", scheme: "token" }),
    dispatcher,
  });
  await waldurLike
    .request({ method: "GET", path: "/x", query: { api_key: "query-key-123456" } })
    .catch(() => {});
  const keystone = keystoneAuth({
    authUrl: server.url,
    username: "u",
    password: "pass-word-98765",
    dispatcher,
  });
  const viaKeystone = createHttpClient({ baseUrl: server.url, auth: keystone, dispatcher });
  await viaKeystone.request({ method: "POST", path: "/y", body: { note: "hello" } }).catch(() => {});
  await dispatcher.close();
  const text = readFileSync(file, "utf8");
  expect(text).toContain("rejected");
  for (const secret of [
    "static-token-abcdef",
    "query-key-123456",
    "pass-word-98765",
    "issued-subject-token-1",
  ]) {
    expect(text).not.toContain(secret);
  }
});
