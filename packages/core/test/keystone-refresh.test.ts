/** Concurrent callers share one Keystone token request, and each waits on it with its own signal. */
import { Agent } from "undici";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHttpClient, isSdkError, keystoneAuth } from "../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
const dispatcher = new Agent();
let issued = 0;

beforeAll(async () => {
  server = await startServer(async (req, res) => {
    if (req.url.endsWith("/auth/tokens")) {
      await new Promise((resolve) => setTimeout(resolve, 150)); // a slow Keystone
      return json(res, 201, { token: { catalog: [] } }, { "x-subject-token": `token-${++issued}` });
    }
    json(res, 200, { token: req.headers["x-auth-token"] });
  });
});
afterAll(async () => {
  await server.close();
  await dispatcher.close();
});

it("one caller aborting rejects that caller alone; the others get the shared token", async () => {
  const keystone = keystoneAuth({ authUrl: server.url, username: "u", password: "pw-1234", dispatcher });
  const http = createHttpClient({ baseUrl: server.url, auth: keystone, dispatcher });
  const impatient = new AbortController();
  const first = http.request({ method: "GET", path: "/a", signal: impatient.signal });
  const second = http.request<{ token: string }>({ method: "GET", path: "/b" });
  const third = keystone.token();
  setTimeout(() => impatient.abort(new Error("gave up")), 30);
  const outcome = await first.catch((e: unknown) => e);
  expect(isSdkError(outcome, "aborted")).toBe(true);
  expect((await second).data.token).toBe("token-1");
  expect((await third).token).toBe("token-1");
  expect(issued).toBe(1);
  expect(server.received.filter((r) => r.url.endsWith("/auth/tokens"))).toHaveLength(1);
});
