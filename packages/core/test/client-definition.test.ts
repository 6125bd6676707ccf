/**
 * The client-definition layer on real sockets: one construction (`createClientHttp` + `bindOperations`),
 * the error hook, per-operation expected statuses, the one retry loop with an operation's own rule, and
 * secrets kept per client.
 */
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bindOperations,
  type CallOptions,
  type ClientSpec,
  createClientHttp,
  createHttpClient,
  type HttpClient,
  HttpError,
  InvalidInputError,
  isSdkError,
  keystoneAuth,
  REDACTED,
  tokenAuth,
} from "../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

class WidgetError extends HttpError {
  readonly attempts: number;
  constructor(error: HttpError, attempts: number) {
    super({ ...error, message: `widget said ${error.status}` });
    this.attempts = attempts;
  }
}

const SPEC: ClientSpec = {
  packageName: "@meterkit/widget-client",
  userAgent: "widget-client",
  token: { header: "X-Widget-Token" },
  catalog: { type: "widgets" },
  normaliseBaseUrl: (url) => url.replace(/\/v1\/?$/, ""),
  mapError: (error, { attempts }) => new WidgetError(error, attempts),
};

let server: LocalServer;
let busyUntil = 0;
const dispatcher = new Agent();

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/busy") {
      // "not in a valid state yet" for the first `busyUntil` attempts, then done
      return busyUntil-- > 0 ? json(res, 409, { detail: "busy" }) : json(res, 200, { done: true });
    }
    if (path === "/created") return json(res, 201, { id: 1 });
    if (path === "/echo-token") return json(res, 400, { echoed: req.headers["x-widget-token"] });
    if (path === "/v3/auth/tokens") {
      return json(res, 201, { token: { catalog: [] } }, { "x-subject-token": "subject-token-xyz" });
    }
    return json(res, 200, { path, ua: req.headers["user-agent"], token: req.headers["x-widget-token"] });
  });
});
afterAll(async () => {
  await server.close();
  await dispatcher.close();
});

interface WidgetContext {
  readonly http: HttpClient;
}
async function getWidget(ctx: WidgetContext, input: { widgetId: string }, options?: CallOptions) {
  const { data } = await ctx.http.request<{ path: string; ua: string; token: string }>({
    ...options,
    method: "GET",
    path: "/widgets/{id}",
    pathParams: { id: input.widgetId },
  });
  return data;
}
async function listWidgets(ctx: WidgetContext, _input: Record<string, never> = {}, options?: CallOptions) {
  return (await ctx.http.request<{ path: string }>({ ...options, method: "GET", path: "/widgets" })).data;
}

describe("createClientHttp", () => {
  it("sends the token the service's way, with the client's User-Agent, on a normalised base URL", async () => {
    const http = createClientHttp(SPEC, { baseUrl: `${server.url}/v1`, token: "tok-1234", dispatcher });
    const context = { http };
    const client = {
      ...context,
      ...bindOperations(context, { widgets: { get: getWidget, list: listWidgets } }),
    };
    const widget = await client.widgets.get({ widgetId: "a/b" });
    expect(widget.path).toBe("/widgets/a%2Fb");
    expect(widget.token).toBe("tok-1234");
    expect(widget.ua).toMatch(/^widget-client @meterkit\/core\//);
    expect((await client.widgets.list()).path).toBe("/widgets");
    // the standalone function and the bound method are the same operation
    expect(await getWidget(context, { widgetId: "x" })).toEqual(await client.widgets.get({ widgetId: "x" }));
  });

  it("refuses unknown options, token and auth together, and a missing base URL, naming the field", () => {
    const fail = (options: object) => {
      try {
        createClientHttp(SPEC, options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return (error as InvalidInputError).field;
      }
      throw new Error("accepted");
    };
    expect(fail({ baseUrl: server.url, url: "x" })).toBe("url");
    expect(fail({ baseUrl: server.url, token: "abcd", auth: tokenAuth({ token: "abcd" }) })).toBe("token");
    expect(fail({ token: "abcd" })).toBe("baseUrl");
    expect(fail({ baseUrl: server.url, token: "" })).toBe("token");
    expect(() => createClientHttp({ ...SPEC, requiresAuth: true }, { baseUrl: server.url })).toThrow(/token/);
  });

  it("looks the service up in the Keystone catalog when baseUrl is left out", async () => {
    const keystone = keystoneAuth({ authUrl: server.url, username: "u", password: "pw-secret", dispatcher });
    const http = createClientHttp(SPEC, { auth: keystone, dispatcher });
    await expect(http.request({ method: "GET", path: "/x" })).rejects.toMatchObject({
      code: "endpoint_not_found",
      message: expect.stringContaining("type=widgets"),
    });
  });

  it("keeps an existing HttpClient's transport and adds the package's error mapping", async () => {
    const plain = createHttpClient({ baseUrl: server.url, dispatcher });
    const http = createClientHttp(SPEC, plain);
    busyUntil = 1;
    const error = await http.request({ method: "POST", path: "/busy" }).catch((e: unknown) => e);
    busyUntil = 0;
    expect(error).toBeInstanceOf(WidgetError);
  });
});

describe("the error hook", () => {
  it("maps every failed response once, and isSdkError narrows without a cast", async () => {
    busyUntil = 1;
    const http = createClientHttp(SPEC, { baseUrl: server.url, dispatcher });
    const error: unknown = await http.request({ method: "POST", path: "/busy" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WidgetError);
    expect(isSdkError(error, "http_error") && error.status).toBe(409);
    expect((error as WidgetError).attempts).toBe(1);
    busyUntil = 0;
  });

  it("fails an operation on any status it does not expect, 2xx included", async () => {
    const http = createClientHttp(SPEC, { baseUrl: server.url, dispatcher });
    await expect(
      http.request({ method: "POST", path: "/created", expectStatus: 201 }),
    ).resolves.toMatchObject({
      status: 201,
    });
    const error = await http
      .request({ method: "POST", path: "/created", expectStatus: 200 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WidgetError);
    expect((error as WidgetError).status).toBe(201);
  });

  it('"any" resolves every status, ≥ 400 included', async () => {
    const http = createClientHttp(SPEC, { baseUrl: server.url, dispatcher });
    busyUntil = 1;
    const response = await http.request({ method: "POST", path: "/busy", expectStatus: "any" });
    expect(response.status).toBe(409);
    busyUntil = 0;
  });
});

describe("one retry loop", () => {
  it("repeats a POST on the operation's own statuses, and maps the last answer with the attempt count", async () => {
    const http = createClientHttp(SPEC, { baseUrl: server.url, dispatcher });
    const rule = { statuses: [409], maxAttempts: 3, delayMs: 1 };
    busyUntil = 2;
    await expect(http.request({ method: "POST", path: "/busy", retry: rule })).resolves.toMatchObject({
      data: { done: true },
    });
    const before = server.received.length;
    busyUntil = 5;
    const error = await http.request({ method: "POST", path: "/busy", retry: rule }).catch((e: unknown) => e);
    expect(server.received.length - before).toBe(3);
    expect(error).toBeInstanceOf(WidgetError);
    expect((error as WidgetError).attempts).toBe(3);
    busyUntil = 0;
  });

  it("never repeats a POST on a status outside its rule, even with the client's retry on", async () => {
    const http = createClientHttp(SPEC, {
      baseUrl: server.url,
      dispatcher,
      retry: { maxAttempts: 3, statuses: [409], baseDelayMs: 1 },
    });
    busyUntil = 1;
    const before = server.received.length;
    await expect(http.request({ method: "POST", path: "/busy" })).rejects.toBeInstanceOf(WidgetError);
    expect(server.received.length - before).toBe(1);
    // a GET is idempotent: the client's loop repeats it
    busyUntil = 1;
    await expect(http.request({ method: "GET", path: "/busy" })).resolves.toMatchObject({ status: 200 });
    busyUntil = 0;
  });

  it("logs one line per attempt through the logger option", async () => {
    const lines: string[] = [];
    const http = createClientHttp(SPEC, {
      baseUrl: server.url,
      dispatcher,
      logger: { debug: (line) => lines.push(line) },
    });
    busyUntil = 1;
    await http.request({
      method: "POST",
      path: "/busy",
      retry: { statuses: [409], maxAttempts: 2, delayMs: 1 },
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/POST .*\/busy → 409/);
    expect(lines[1]).toMatch(/→ 200/);
  });
});

describe("secrets per client", () => {
  it("scrubs the client's token from its errors without registering it process-wide", async () => {
    const token = "per-client-token-5678";
    const http = createClientHttp(SPEC, { baseUrl: server.url, token, dispatcher });
    const error = (await http
      .request({ method: "GET", path: "/echo-token" })
      .catch((e: unknown) => e)) as HttpError;
    expect(JSON.stringify(error.body)).not.toContain(token);
    expect(error.body).toEqual({ echoed: REDACTED });
    // another client's error text is not scanned for it: the value is this client's secret only
    const other = createHttpClient({ baseUrl: server.url, dispatcher });
    const otherError = (await other
      .request({ method: "GET", path: "/echo-token", headers: { "x-widget-token": token } })
      .catch((e: unknown) => e)) as HttpError;
    expect(otherError.body).toEqual({ echoed: token });
  });

  it("scrubs tokens a Keystone strategy obtains from the errors of the clients using it", async () => {
    const keystone = keystoneAuth({ authUrl: server.url, username: "u", password: "pw-secret", dispatcher });
    await keystone.token();
    expect([...(keystone.secrets ?? [])]).toEqual(expect.arrayContaining(["pw-secret", "subject-token-xyz"]));
    const http = createHttpClient({ baseUrl: server.url, auth: keystone, dispatcher });
    const error = (await http
      .request({ method: "GET", path: "/echo-token", headers: { "x-widget-token": "subject-token-xyz" } })
      .catch((e: unknown) => e)) as HttpError;
    expect(error.body).toEqual({ echoed: REDACTED });
  });
});
