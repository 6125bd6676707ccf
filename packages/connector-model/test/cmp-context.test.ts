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
