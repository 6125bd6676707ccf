import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { isSdkError, NetworkError, TimeoutError } from "@meterkit/core";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Account,
  BadResponseError,
  createCmpContext,
  fixedClock,
  InvalidValueError,
  isConnectorModelError,
  Logger,
  Metadata,
  setTaskPercentage,
} from "../src/index.js";
import { CmpStandIn } from "./helpers/cmp-server.js";

const cmp = new CmpStandIn();
const dispatcher = new Agent();
let cmpUrl = "";

beforeAll(async () => {
  cmpUrl = await cmp.start();
});
afterAll(async () => {
  await dispatcher.close();
  await cmp.stop();
});

describe("createCmpContext", () => {
  it("sends JSON with bearer auth, appending paths to the base URL", async () => {
    cmp.reply = { status: 200, body: "" };
    const context = createCmpContext({ cmpUrl: `${cmpUrl}/cmp/api`, token: "t0ken", dispatcher });
    await setTaskPercentage(context, "task-9", 42);
    const [request] = cmp.take();
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/cmp/api/tasks/task-9/update");
    expect(request?.headers.authorization).toBe("Bearer t0ken");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({ percentage: 42 });
  });

  it("prefers HTTP Basic when a username and password are set", async () => {
    const context = createCmpContext({
      cmpUrl,
      token: "unused",
      username: "u",
      password: "p",
      moduleId: "m",
      dispatcher,
    });
    const account = new Account({ id: "A", metadata: new Metadata().add("k", "v") });
    await account.update(context, "A");
    const [request] = cmp.take();
    expect(request?.method).toBe("PATCH");
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from("u:p").toString("base64")}`);
    expect(JSON.parse(request!.body)).toEqual({ id: "A", metadata: { provider_specific: { k: "v" } } });
  });

  it("Logger.flush() waits for the lines it sent through a CmpContext", async () => {
    const context = createCmpContext({ cmpUrl, dispatcher, moduleId: "mod-8" });
    const logger = new Logger({ context, customerId: "c", accountId: "a" });
    logger.info("one");
    logger.error("two");
    await logger.flush();
    const lines = cmp.take().filter((r) => r.path === "/logs");
    expect(lines.map((r) => JSON.parse(r.body)[0].message)).toEqual([
      "Target(customer: c,account: a, resource: None): one",
      "Target(customer: c,account: a, resource: None): two",
    ]);
  });

  it("posts log lines as flexer does, with microsecond timestamps", async () => {
    const context = createCmpContext({
      cmpUrl,
      dispatcher,
      moduleId: "mod-7",
      clock: fixedClock("2019-03-04T05:06:07.000001"),
    });
    new Logger({ context, customerId: "c", accountId: "a" }).warn("disk low");
    await context.flush();
    const [request] = cmp.take();
    expect(request?.path).toBe("/logs");
    expect(JSON.parse(request!.body)).toEqual([
      {
        message: "Target(customer: c,account: a, resource: None): disk low",
        severity: "WARN",
        service: "nflex.flexer",
        timestamp: "2019-03-04T05:06:07.000001Z",
        resource_id: "nflex-module-mod-7",
      },
    ]);
  });

  it("never throws from log(): delivery failures go to onLogError", async () => {
    const errors: unknown[] = [];
    // Port 9 on 127.0.0.1 (discard) is closed here: the connection is refused.
    const context = createCmpContext({
      cmpUrl: "http://127.0.0.1:9",
      dispatcher,
      onLogError: (e) => errors.push(e),
    });
    expect(() => context.log("x", "info")).not.toThrow();
    await context.flush();
    expect(errors).toHaveLength(1);
  });

  it("throws BadResponseError with the status, and keeps the token out of it", async () => {
    cmp.reply = { status: 503, body: "busy" };
    const context = createCmpContext({ cmpUrl, token: "very-secret", dispatcher });
    const error = await setTaskPercentage(context, "t", 1).catch((e: unknown) => e);
    cmp.take();
    expect(error).toBeInstanceOf(BadResponseError);
    expect(isConnectorModelError(error, "bad_response")).toBe(true);
    expect((error as BadResponseError).status).toBe(503);
    expect((error as Error).message).toBe(
      "[@meterkit/connector-model] Got bad response from tasks API: 503, b'busy'",
    );
    expect(JSON.stringify(error)).not.toContain("very-secret");
  });

  it("rejects a relative cmpUrl before sending anything", () => {
    expect(() => createCmpContext({ cmpUrl: "/api" })).toThrow(InvalidValueError);
  });
});

describe("createCmpContext over @meterkit/core", () => {
  it("requests CMP_URL + path as one URL: query strings, doubled slashes, dot segments (braces in a query encoded)", async () => {
    cmp.reply = { status: 200, body: "" };
    const context = createCmpContext({ cmpUrl: `${cmpUrl}/cmp/api/`, token: "t0ken", dispatcher });
    await context.api.post("/tasks//update?x=1&y={2}", { a: 1 });
    await context.api.patch("/accounts/a b/../c#fragment", { b: 2 });
    expect(cmp.take().map((r) => [r.method, r.path])).toEqual([
      ["POST", "/cmp/api/tasks//update?x=1&y=%7B2%7D"],
      ["PATCH", "/cmp/api/accounts/c"],
    ]);
  });

  it("returns every status with the raw body bytes", async () => {
    cmp.reply = { status: 404, body: new Uint8Array([0, 255, 10]) };
    const context = createCmpContext({ cmpUrl, token: "t0ken", dispatcher });
    const response = await context.api.post("/anything", "text");
    const [request] = cmp.take();
    expect(request?.body).toBe('"text"'); // a string is sent as JSON, as flexer's json= does
    expect(response.statusCode).toBe(404);
    expect(response.content).toEqual(new Uint8Array([0, 255, 10]));
  });

  it("throws core's NetworkError when nothing answers, without the credentials", async () => {
    const context = createCmpContext({
      cmpUrl: "http://127.0.0.1:9",
      username: "user",
      password: "pass-word-secret",
      dispatcher,
    });
    const error = await context.api.post("/x", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(isSdkError(error, "network_error")).toBe(true);
    const shown = `${inspect(error, { depth: 5 })} ${JSON.stringify(error)}`;
    expect(shown).not.toContain("pass-word-secret");
    expect(shown).not.toContain(Buffer.from("user:pass-word-secret").toString("base64"));
  });

  it("throws core's TimeoutError after timeoutMs of silence", async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const context = createCmpContext({ cmpUrl: `http://127.0.0.1:${port}`, dispatcher, timeoutMs: 100 });
      const error = await context.api.post("/x", {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(isSdkError(error, "timeout")).toBe(true);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("rejects an empty token or a bad timeout before sending anything", () => {
    expect(() => createCmpContext({ cmpUrl, token: "" })).toThrow(InvalidValueError);
    expect(() => createCmpContext({ cmpUrl, timeoutMs: 0 })).toThrow(InvalidValueError);
  });
});
