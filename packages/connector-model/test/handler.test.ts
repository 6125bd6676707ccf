import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CmpContext, connectorHandler, createCmpContext, Logger } from "../src/index.js";

// A real CMP stand-in on 127.0.0.1 that holds every POST /logs until the test releases it, so what a
// handler's caller sees before a log line is delivered is observable without timing anything.
const held: ServerResponse[] = [];
let delivered = 0;
let arrived: () => void = () => {};
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.url !== "/logs") return res.end("null");
    res.on("finish", () => delivered++);
    held.push(res);
    arrived();
  });
});
const nextLog = () => new Promise<void>((resolve) => (arrived = resolve));
const release = () => {
  for (const res of held.splice(0)) res.end("null");
};
let cmpUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cmpUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  release();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A handler that logs and returns without `await context.flush()`, as a Python port naturally does. */
const get = async (event: { account_id: string }, context: CmpContext) => {
  new Logger({ context, customerId: "c1", accountId: event.account_id }).info("synced");
  return "done";
};
const context = () => createCmpContext({ cmpUrl, token: "t", moduleId: "mod-1" });

describe("connectorHandler", () => {
  it("resolves only after the handler's log lines are delivered", async () => {
    delivered = 0;
    const logged = nextLog();
    let settled = false;
    const run = connectorHandler(get)({ account_id: "a1" }, context()).then((result) => {
      settled = true;
      return result;
    });
    await logged; // the line is at the server, unanswered
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    release();
    expect(await run).toBe("done");
    expect(delivered).toBe(1);
  });

  it("without it, the handler returns with the line still on the wire (what the wrapper prevents)", async () => {
    delivered = 0;
    const logged = nextLog();
    const ctx = context();
    expect(await get({ account_id: "a1" }, ctx)).toBe("done");
    await logged;
    expect(delivered).toBe(0);
    release();
    await ctx.flush();
    expect(delivered).toBe(1);
  });

  it("flushes when the handler throws too, and passes the error on", async () => {
    delivered = 0;
    const logged = nextLog();
    const failing = connectorHandler(async (_event: unknown, ctx: CmpContext) => {
      new Logger({ context: ctx, customerId: "c1", accountId: "a1" }).error("failed");
      throw new Error("provider down");
    });
    const run = failing({}, context());
    await logged;
    release();
    await expect(run).rejects.toThrow("provider down");
    expect(delivered).toBe(1);
  });

  it("accepts a context without flush() (a hand-written ConnectorContext)", async () => {
    const lines: string[] = [];
    const plain = { moduleId: "m", log: (message: string) => lines.push(message) };
    const run = connectorHandler((_event: null, ctx: typeof plain) => {
      new Logger({ context: ctx, customerId: 1, accountId: 2 }).info("x");
      return 7;
    });
    expect(await run(null, plain)).toBe(7);
    expect(lines).toEqual(["Target(customer: 1,account: 2, resource: None): x"]);
  });
});
