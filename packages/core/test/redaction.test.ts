import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createHttpClient,
  logRequests,
  REDACTED,
  redactHeaders,
  redactJson,
  redactUrl,
  registerSecret,
  tokenAuth,
} from "../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
const dispatcher = new Agent();
beforeAll(async () => {
  server = await startServer((req, res) =>
    json(res, req.url.includes("fail") ? 400 : 200, { echoed: req.headers.authorization }),
  );
});
afterAll(async () => {
  await dispatcher.close();
  await server.close();
});

describe("redaction", () => {
  it("redacts secret query values and userinfo in URLs", () => {
    const url = redactUrl("https://user:pw-secret@h/x?password=p1&x-auth-token=t1&token=t2&name=keep");
    expect(url).not.toMatch(/pw-secret|p1|t1|t2/);
    expect(url).toContain("name=keep");
  });

  it("keeps the scheme of Authorization and hides token headers", () => {
    expect(
      redactHeaders({ Authorization: "token abc", "X-Auth-Token": "x", "X-Subject-Token": "y", Accept: "a" }),
    ).toEqual({
      Authorization: `token ${REDACTED}`,
      "X-Auth-Token": REDACTED,
      "X-Subject-Token": REDACTED,
      Accept: "a",
    });
  });

  it("redacts secret-named JSON fields on a copy, deeply", () => {
    const input = {
      auth: { identity: { password: { user: { name: "u", password: "p" } } } },
      list: [{ secret: "s", n: 1 }],
    };
    const out = redactJson(input) as typeof input;
    expect(out.auth.identity.password).toBe(out.auth.identity.password); // object kept, inner field redacted
    expect(JSON.stringify(out)).not.toMatch(/"p"|"s"/);
    expect(input.list[0]?.secret).toBe("s");
  });

  it("scrubs registered secrets from errors and log lines wherever they appear", async () => {
    registerSecret("leaky-canary-value");
    const lines: string[] = [];
    const http = createHttpClient({
      baseUrl: server.url,
      dispatcher,
      auth: tokenAuth({ token: "log-token-canary", scheme: "token" }),
      middleware: [logRequests({ debug: (m, meta) => lines.push(m, JSON.stringify(meta)) })],
    });
    const error = await http
      .request({ method: "GET", path: "/fail/{v}", pathParams: { v: "leaky-canary-value" } })
      .catch((e: unknown) => e);
    const everything = [String(error), JSON.stringify(error), ...lines].join("\n");
    expect(everything).not.toContain("leaky-canary-value");
    expect(everything).not.toContain("log-token-canary"); // echoed by the server in the body
    expect(lines[0]).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/fail\/<redacted> → 400/);
  });
});
