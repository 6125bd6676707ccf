/**
 * Auth strategies on real sockets. The Keystone behaviours that need control over time and failures
 * (expiry, a token revoked mid-way, concurrent refreshes) use a local server speaking Keystone's token
 * protocol; `keystone.real.test.ts` runs the same strategy against the real Keystone.
 */
import { Agent } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AuthError,
  createHttpClient,
  EndpointNotFoundError,
  InvalidInputError,
  keystoneAuth,
  tokenAuth,
} from "../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
const dispatcher = new Agent();
let issued = 0;
let valid = new Set<string>();
let lifetimeMs = 3_600_000;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/identity/v3/auth/tokens" && req.method === "POST") {
      const body = JSON.parse(req.body);
      if (body.auth.identity.password?.user.password !== "right-password") {
        return json(res, 401, {
          error: {
            code: 401,
            message: "The request you have made requires authentication.",
            title: "Unauthorized",
          },
        });
      }
      const token = `gAAAAA-token-${++issued}`;
      valid.add(token);
      return json(
        res,
        201,
        {
          token: {
            expires_at: new Date(Date.now() + lifetimeMs).toISOString(),
            catalog: [
              {
                type: "identity",
                name: "keystone",
                id: "k1",
                endpoints: [
                  {
                    interface: "public",
                    region_id: "RegionOne",
                    region: "RegionOne",
                    url: `${server.url}/identity/v3/`,
                  },
                ],
              },
              {
                type: "rating",
                name: "cloudkitty",
                id: "ck1",
                endpoints: [
                  { interface: "public", region_id: "RegionOne", url: `${server.url}/rating-public` },
                  { interface: "admin", region_id: "RegionOne", url: `${server.url}/rating-admin` },
                  { interface: "public", region_id: "RegionTwo", url: `${server.url}/rating-two` },
                ],
              },
            ],
          },
        },
        { "x-subject-token": token },
      );
    }
    const token = req.headers["x-auth-token"];
    if (typeof token !== "string" || !valid.has(token)) return json(res, 401, { error: "bad token" });
    json(res, 200, { path, token });
  });
});
afterAll(async () => {
  await dispatcher.close();
  await server.close();
});
beforeEach(() => {
  issued = 0;
  valid = new Set();
  lifetimeMs = 3_600_000;
});

const keystone = (extra: Partial<Parameters<typeof keystoneAuth>[0]> = {}) =>
  keystoneAuth({
    authUrl: `${server.url}/identity`,
    username: "admin",
    password: "right-password",
    projectName: "admin",
    dispatcher,
    ...extra,
  });

describe("tokenAuth", () => {
  it("sends a static token in the named header, with the scheme", async () => {
    expect(await tokenAuth({ token: "abcd", scheme: "token" }).headers({})).toEqual({
      authorization: "token abcd",
    });
    expect(await tokenAuth({ token: "abcd", header: "X-Auth-Token" }).headers({})).toEqual({
      "x-auth-token": "abcd",
    });
  });
  it("refuses an empty token or one with line breaks", () => {
    expect(() => tokenAuth({ token: "" })).toThrow(InvalidInputError);
    expect(() => tokenAuth({ token: "a\r\nX-Evil: 1" })).toThrow(/line breaks/);
  });
});

describe("keystoneAuth", () => {
  it("gets one token, caches it, and resolves endpoints from the catalog", async () => {
    const auth = keystone();
    const http = createHttpClient({ baseUrl: auth.endpoint({ type: "rating" }), auth, dispatcher });
    const [a, b] = await Promise.all([
      http.request<{ path: string }>({ method: "GET", path: "/v1/x" }),
      http.request<{ path: string }>({ method: "GET", path: "/v1/y" }),
    ]);
    expect(a.data.path).toBe("/rating-public/v1/x");
    expect(b.data.path).toBe("/rating-public/v1/y");
    expect(issued).toBe(1);
    const admin = createHttpClient({
      baseUrl: auth.endpoint({ name: "cloudkitty", interface: "admin" }),
      auth,
      dispatcher,
    });
    expect((await admin.request<{ path: string }>({ method: "GET", path: "/" })).data.path).toBe(
      "/rating-admin/",
    );
    const two = createHttpClient({
      baseUrl: auth.endpoint({ id: "ck1", region: "RegionTwo" }),
      auth,
      dispatcher,
    });
    expect((await two.request<{ path: string }>({ method: "GET", path: "/" })).data.path).toBe(
      "/rating-two/",
    );
    expect(issued).toBe(1);
  });

  it("renews the token before it expires, by the injected clock", async () => {
    let now = Date.now();
    const auth = keystone({ now: () => now, refreshBeforeMs: 60_000 });
    const first = await auth.token();
    now += 3_600_000 - 59_000; // inside the refresh window
    const second = await auth.token();
    expect(second.token).not.toBe(first.token);
    expect(issued).toBe(2);
  });

  it("re-authenticates exactly once after a 401", async () => {
    const auth = keystone();
    const http = createHttpClient({ baseUrl: `${server.url}/svc`, auth, dispatcher });
    await http.request({ method: "GET", path: "/" });
    valid.clear(); // the server revoked every token
    const { data } = await http.request<{ token: string }>({ method: "POST", path: "/", body: {} });
    expect(data.token).toBe("gAAAAA-token-2");
    expect(issued).toBe(2);
  });

  it("fails with AuthError, without the password, when Keystone refuses", async () => {
    const error = (await keystone({ password: "wrong-password-canary" })
      .token()
      .catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(401);
    expect(error.message).not.toContain("wrong-password-canary");
    expect(JSON.stringify(error)).not.toContain("wrong-password-canary");
  });

  it("says which endpoint is missing", async () => {
    const auth = keystone();
    const http = createHttpClient({ baseUrl: auth.endpoint({ type: "metering" }), auth, dispatcher });
    await expect(http.request({ method: "GET", path: "/" })).rejects.toThrow(EndpointNotFoundError);
    await expect(http.request({ method: "GET", path: "/" })).rejects.toThrow(
      /type=metering, interface=public/,
    );
  });

  it("validates its options before any request", () => {
    expect(() => keystoneAuth({ authUrl: `${server.url}`, username: "a" })).toThrow(/password: is required/);
    expect(() => keystoneAuth({ authUrl: "not a url", username: "a", password: "p" })).toThrow(/authUrl/);
    expect(() => keystoneAuth({ authUrl: server.url, applicationCredentialSecret: "s" })).toThrow(
      /applicationCredentialId/,
    );
  });
});
