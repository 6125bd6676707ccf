/**
 * Bad input through `@meterkit/core` (createHttpClient, request, tokenAuth, keystoneAuth) and the
 * `@meterkit/connector-model` constructors and validateOptions. Core's rows run against a recording server;
 * the model sends nothing, so its rows only check the typed error and the field it names.
 */
import * as model from "@meterkit/connector-model";
import * as schemas from "@meterkit/connector-model/schemas";
import { createHttpClient, keystoneAuth, tokenAuth } from "@meterkit/core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectRefused } from "../../src/bad-input/assertions.js";
import { type RecordingServer, startRecordingServer } from "../../src/bad-input/recording-server.js";
import { Tally } from "../../src/bad-input/tally.js";

const CORE = "@meterkit/core";
const MODEL = "@meterkit/connector-model";
let server: RecordingServer;
const tally = new Tally();
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(async () => {
  console.log(tally.render("bad input: core and connector-model"));
  await server.close();
});

// biome-ignore lint/suspicious/noExplicitAny: deliberately ill-typed inputs.
type Any = any;
const http = () => createHttpClient({ baseUrl: server.url });
const get = (extra: Record<string, unknown>) => () =>
  http().request({ method: "GET", path: "/x", ...extra } as Any);

const CORE_ROWS: [string, () => unknown, string][] = [
  ["createHttpClient baseUrl ftp:", () => createHttpClient({ baseUrl: "ftp://x" }), "baseUrl"],
  ["createHttpClient baseUrl relative", () => createHttpClient({ baseUrl: "/api" }), "baseUrl"],
  [
    "createHttpClient timeoutMs 0",
    () => createHttpClient({ baseUrl: "http://127.0.0.1:9", timeoutMs: 0 }),
    "timeoutMs",
  ],
  [
    "createHttpClient timeoutMs NaN",
    () => createHttpClient({ baseUrl: "http://127.0.0.1:9", timeoutMs: Number.NaN }),
    "timeoutMs",
  ],
  ["request path param ..", get({ path: "/x/{id}", pathParams: { id: ".." } }), "id"],
  ["request path param missing", get({ path: "/x/{id}", pathParams: {} }), "id"],
  ["request query Invalid Date", get({ query: { at: new Date(Number.NaN) } }), "at"],
  ["tokenAuth empty", () => tokenAuth({ token: "" }), "token"],
  ["tokenAuth number", () => tokenAuth({ token: 5 as Any }), "token"],
  ["tokenAuth CRLF", () => tokenAuth({ token: "a\r\nX-Injected: 1" }), "token"],
  [
    "keystoneAuth no password",
    () => keystoneAuth({ authUrl: server.url, username: "u", projectName: "p" } as Any),
    "password",
  ],
  [
    "keystoneAuth no user",
    () => keystoneAuth({ authUrl: server.url, password: "p", projectName: "p" } as Any),
    "username",
  ],
  [
    "keystoneAuth bad authUrl",
    () => keystoneAuth({ authUrl: "nope", username: "u", password: "p", projectName: "p" }),
    "authUrl",
  ],
];

// Once refused only by undici (as a NetworkError) or by encodeURIComponent (an untyped URIError); core now
// checks them itself and names the field.
const CORE_WIRE_ROWS: [string, () => unknown, string][] = [
  ["request header value with CRLF", get({ headers: { "x-a": "a\r\nX-Injected: 1" } }), "headers"],
  ["request header name with a space", get({ headers: { "x a": "1" } }), "headers"],
  [
    "createHttpClient userAgent with CRLF",
    () =>
      createHttpClient({ baseUrl: server.url, userAgent: "a\r\nX-Injected: 1" }).request({
        method: "GET",
        path: "/x",
      }),
    "userAgent",
  ],
  [
    "createHttpClient headers with CRLF",
    () =>
      createHttpClient({ baseUrl: server.url, headers: { "x-a": "a\nb" } }).request({
        method: "GET",
        path: "/x",
      }),
    "headers",
  ],
  ["request timeoutMs -1", get({ timeoutMs: -1 }), "timeoutMs"],
  ["request method with a space", get({ method: "GE T" }), "method"],
  ["request path param lone surrogate", get({ path: "/x/{id}", pathParams: { id: "a\uD800" } }), "id"],
  ["request query lone surrogate", get({ query: { q: "\uDC00" } }), "q"],
  ["request absolute path to another origin", get({ path: "http://evil.example/x" }), "path"],
];

const MODEL_ROWS: [string, () => unknown, string][] = [
  ["Server id number", () => new model.Server({ id: 5 as Any, name: "x" }), "id"],
  ["Server options null", () => new model.Server(null as Any), "id"],
  ["Server unknown option", () => new model.Server({ id: "a", name: "x", bogus: 1 } as Any), "bogus"],
  ["Server name number", () => new model.Server({ id: "a", name: 5 as Any }), "name"],
  ["Region unknown option", () => new model.Region({ id: "r", name: "r" } as Any), "name"],
  [
    "validateOptions wrong type",
    () => schemas.validateOptions(schemas.ServerOptionsSchema, { id: 5 }, "Server"),
    "id",
  ],
  [
    "validateOptions missing name",
    () => schemas.validateOptions(schemas.ServerOptionsSchema, { id: "a" }, "Server"),
    "name",
  ],
  ["parseIsoDateTime Feb 30", () => model.parseIsoDateTime("2017-02-30T00:00:00Z"), "value"],
  ["strptime month 13", () => model.strptime("2017-13-01", "%Y-%m-%d"), "value"],
  ["convertDatetime words", () => model.convertDatetime("yesterday"), "dt"],
  [
    "PreciseDateTime year 10000",
    () => new model.PreciseDateTime({ year: 10_000, month: 1, day: 1 } as Any),
    "year",
  ],
  [
    "PreciseDateTime month 0",
    () => new model.PreciseDateTime({ year: 2020, month: 0, day: 1 } as Any),
    "month",
  ],
];

describe("@meterkit/core", () => {
  it.each(CORE_ROWS)("%s", async (_t, call, field) => {
    await expectRefused(server, call, { pkg: CORE, field });
    tally.record(CORE, "refused");
  });
  it.each(CORE_WIRE_ROWS)("%s", async (_t, call, field) => {
    await expectRefused(server, call, { pkg: CORE, field });
    tally.record(CORE, "refused");
  });
});

describe("@meterkit/connector-model", () => {
  it.each(MODEL_ROWS)("%s", async (_t, call, field) => {
    await expectRefused(undefined, call, { pkg: MODEL, field, typed: (e) => model.isConnectorModelError(e) });
    tally.record(MODEL, "refused");
  });
});
