import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createHttpClient,
  HttpError,
  InvalidInputError,
  isSdkError,
  ResponseValidationError,
  tokenAuth,
  VERSION,
} from "../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
const dispatcher = new Agent();

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path.endsWith("/echo")) return json(res, 200, { url: req.url, headers: req.headers, body: req.body });
    if (path.endsWith("/empty")) return void res.writeHead(204).end();
    if (path.endsWith("/redirect")) return void res.writeHead(302, { location: req.url }).end();
    if (path.endsWith("/not-json"))
      return void res.writeHead(200, { "content-type": "text/html" }).end("hello");
    if (path.endsWith("/bad-json"))
      return void res.writeHead(200, { "content-type": "application/json" }).end("{oops");
    if (path.endsWith("/missing"))
      return json(res, 404, { detail: `Not found: ${req.url}` }, { "x-openstack-request-id": "req-42" });
    if (path.endsWith("/text-error"))
      return void res.writeHead(500, { "content-type": "text/plain" }).end("boom");
    json(res, 200, { hello: "world" });
  });
});
afterAll(async () => {
  await dispatcher.close();
  await server.close();
});

const client = (extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) =>
  createHttpClient({ baseUrl: `${server.url}/api/v1/`, dispatcher, ...extra });

describe("request building", () => {
  it("keeps the base path, encodes path params and repeats array query keys", async () => {
    const { data } = await client().request<{ url: string }>({
      method: "GET",
      path: "/things/{id}/echo",
      pathParams: { id: "a/b?c#d%e" },
      query: { field: ["name", "uuid"], flag: true, skip: undefined, none: null, n: 3 },
    });
    expect(data.url).toBe("/api/v1/things/a%2Fb%3Fc%23d%25e/echo?field=name&field=uuid&flag=true&n=3");
  });

  it("formats dates with the per-call format", async () => {
    const date = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6));
    const iso = await client().request<{ url: string }>({
      method: "GET",
      path: "/echo",
      query: { since: date },
    });
    expect(new URL(iso.data.url, "http://x").searchParams.get("since")).toBe("2026-01-02T03:04:05.006Z");
    const custom = await client().request<{ url: string }>({
      method: "GET",
      path: "/echo",
      query: { since: date },
      dateFormat: (d) => d.toISOString().slice(0, 19).replace("T", " "),
    });
    expect(new URL(custom.data.url, "http://x").searchParams.get("since")).toBe("2026-01-02 03:04:05");
  });

  it("sends JSON bodies with a content type, the user agent and per-call headers", async () => {
    const { data } = await client({ userAgent: "my-app/1.0", headers: { "X-Team": "billing" } }).request<{
      headers: Record<string, string>;
      body: string;
    }>({ method: "POST", path: "/echo", body: { cost: "0.70" }, headers: { "X-Call": "yes" } });
    expect(JSON.parse(data.body)).toEqual({ cost: "0.70" });
    expect(data.headers["content-type"]).toBe("application/json");
    expect(data.headers["user-agent"]).toBe(
      `my-app/1.0 @meterkit/core/${VERSION} node/${process.versions.node}`,
    );
    expect(data.headers["x-team"]).toBe("billing");
    expect(data.headers["x-call"]).toBe("yes");
    expect(data.headers.accept).toBe("application/json");
  });

  it("refuses bad path params before sending anything", async () => {
    const before = server.received.length;
    for (const id of ["", ".", ".."]) {
      const error = await client()
        .request({ method: "GET", path: "/x/{id}", pathParams: { id } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).field).toBe("id");
    }
    await expect(client().request({ method: "GET", path: "/x/{id}" })).rejects.toThrow(/id: is required/);
    await expect(
      client().request({ method: "GET", path: "/x", query: { d: new Date("nope") } }),
    ).rejects.toThrow(InvalidInputError);
    expect(server.received.length).toBe(before);
  });

  it("refuses a relative or non-http base URL", () => {
    expect(() => createHttpClient({ baseUrl: "/relative" })).toThrow(InvalidInputError);
    expect(() => createHttpClient({ baseUrl: "ftp://h" })).toThrow(/baseUrl: must use http or https/);
  });

  it("resolves the base URL at call time when given a resolver", async () => {
    let calls = 0;
    const http = createHttpClient({
      dispatcher,
      baseUrl: async () => {
        calls++;
        return `${server.url}/dyn`;
      },
    });
    const { data } = await http.request<{ url: string }>({ method: "GET", path: "/echo" });
    expect(data.url).toBe("/dyn/echo");
    expect(calls).toBe(1);
  });
});

describe("responses", () => {
  it("returns undefined for an empty body and does not follow redirects", async () => {
    expect((await client().request({ method: "DELETE", path: "/empty" })).data).toBeUndefined();
    const before = server.received.length;
    const redirected = await client().request({ method: "PUT", path: "/redirect", body: { a: 1 } });
    expect(redirected.status).toBe(302);
    expect(server.received.length).toBe(before + 1);
  });

  it("parses unlabelled JSON, keeps unlabelled text, and rejects labelled invalid JSON", async () => {
    expect((await client().request({ method: "GET", path: "/not-json" })).data).toBe("hello");
    const error = await client()
      .request({ method: "GET", path: "/bad-json" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(isSdkError(error, "response_validation")).toBe(true);
  });

  it("validates responses with a zod schema and names the failing path", async () => {
    const ok = await client().request({
      method: "GET",
      path: "/hello",
      schema: z.object({ hello: z.string() }),
    });
    expect(ok.data.hello).toBe("world");
    const error = (await client()
      .request({ method: "GET", path: "/hello", schema: z.object({ hello: z.number() }) })
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error.issues[0]?.path).toEqual(["hello"]);
    expect(error.message).toMatch(/hello: /);
  });

  it("throws HttpError with status, parsed body, request id and a redacted URL", async () => {
    const http = client({ auth: tokenAuth({ token: "tok-very-secret-1", scheme: "token" }) });
    const error = (await http
      .request({ method: "GET", path: "/missing", query: { password: "hunter2-pw", name: "n" } })
      .catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.code).toBe("http_error");
    expect(error.status).toBe(404);
    expect((error.body as { detail: string }).detail).toMatch(/^Not found: /);
    expect(error.requestId).toBe("req-42");
    expect(error.url).not.toContain("hunter2-pw");
    expect(error.message).not.toContain("hunter2-pw");
    expect(error.message).not.toContain("tok-very-secret-1");
    expect(error.message).toContain("404");
    const text = (await client()
      .request({ method: "GET", path: "/text-error" })
      .catch((e: unknown) => e)) as HttpError;
    expect(text.body).toBe("boom");
  });

  it("returns text when asked", async () => {
    const { data } = await client().request({ method: "GET", path: "/hello", responseType: "text" });
    expect(data).toBe('{"hello":"world"}');
  });
});

describe("what core puts on the wire is checked before sending", () => {
  it("refuses header injection, bad header names, bad methods and timeouts, naming the field", async () => {
    const before = server.received.length;
    const cases: [Parameters<ReturnType<typeof client>["request"]>[0], string][] = [
      [{ method: "GET", path: "/echo", headers: { "x-a": "1\r\nx-evil: 1" } }, "headers.x-a"],
      [{ method: "GET", path: "/echo", headers: { "bad name": "1" } }, "headers.bad name"],
      [{ method: "TRACE" as "GET", path: "/echo" }, "method"],
      [{ method: "GET", path: "/echo", timeoutMs: -1 }, "timeoutMs"],
      [{ method: "GET", path: "/x/{id}", pathParams: { id: "a\uD800b" } }, "id"],
      [{ method: "GET", path: "/echo", query: { q: "\uDC00" } }, "q"],
      [{ method: "GET", path: "http://evil.example/x" }, "path"],
    ];
    for (const [call, field] of cases) {
      const error = (await client()
        .request(call)
        .catch((e: unknown) => e)) as InvalidInputError;
      expect(error, field).toBeInstanceOf(InvalidInputError);
      expect(error.field).toBe(field);
    }
    expect(() => client({ userAgent: "x\r\ny: 1" })).toThrow(/userAgent/);
    expect(() => client({ headers: { "x-b": "\n" } })).toThrow(/headers\.x-b/);
    expect(server.received.length).toBe(before);
  });

  it("scrubs a secret query value from an error even when the server echoes it back", async () => {
    const error = (await client()
      .request({ method: "GET", path: "/missing", query: { password: "echoed-canary-pw" } })
      .catch((e: unknown) => e)) as HttpError;
    expect(error.message).toContain("Not found: ");
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain("echoed-canary-pw");
  });
});
