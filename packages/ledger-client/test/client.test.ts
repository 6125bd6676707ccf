/** Input validation, the one-status rule and error shapes, against a real local server. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpClient, isSdkError } from "@meterkit/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AlmanachHttpError,
  createAlmanachClient,
  createAlmanachContext,
  getVolumeType,
  isClientError,
} from "../src/index.js";

let server: Server;
let url = "";
let next: { status: number; type: string; body: string } = {
  status: 200,
  type: "application/json",
  body: "[]",
};
let requests: {
  method: string | undefined;
  url: string | undefined;
  headers: Record<string, unknown>;
  body: string;
}[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(next.status, { "content-type": next.type }).end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
  next = { status: 200, type: "application/json", body: "[]" };
});

const client = () =>
  createAlmanachClient({
    baseUrl: url,
    token: "tok-123",
    now: () => new Date(Date.UTC(2020, 0, 2, 3, 4, 5)),
  });

describe("createAlmanachClient", () => {
  it("needs a baseUrl or a Keystone auth", () => {
    expect(() => createAlmanachClient({})).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "baseUrl" }),
    );
  });

  it.each([
    [{ baseUrl: "http://x", url: "http://x" }, "url"],
    [{ baseUrl: "http://x", keystone: {} }, "keystone"],
    [{ baseUrl: "http://x", now: 5 }, "now"],
  ])("refuses an option it does not have or a bad clock: %j", (options, field) => {
    expect(() => createAlmanachClient(options as never)).toThrow(
      expect.objectContaining({ code: "invalid_input", field }),
    );
  });

  it.each([
    [
      "volumes.create size",
      () =>
        client().volumes.create({ tenantId: "t", volumeId: "v", volumeTypeId: "vt", name: "n", size: 1.5 }),
      "size",
    ],
    [
      "volumes.create size string",
      () =>
        client().volumes.create({
          tenantId: "t",
          volumeId: "v",
          volumeTypeId: "vt",
          name: "n",
          size: "5" as never,
        }),
      "size",
    ],
    [
      "instances.list start",
      () => client().instances.list({ tenantId: "t", start: "yesterday", end: new Date() }),
      "start",
    ],
    ["entities.get id", () => client().entities.get({ entityId: "" }), "entityId"],
    ["entities.get unknown key", () => client().entities.get({ entityId: "e", id: "e" } as never), "id"],
    ["info.get unknown key", () => client().info.get({ verbose: true } as never), "verbose"],
    [
      "volumes.attach attachments",
      () => client().volumes.attach({ volumeId: "v", attachments: null as never }),
      "attachments",
    ],
    [
      "entities.updateInstance unknown key",
      () => client().entities.updateInstance({ instanceId: "i", flavour: "x" } as never),
      "flavour",
    ],
    [
      "instances.create imageMeta key",
      () =>
        client().instances.create({
          tenantId: "t",
          instanceId: "i",
          name: "n",
          flavor: "f",
          start: new Date(),
          imageMeta: { os_type: "linux" } as never,
        }),
      "imageMeta.os_type",
    ],
  ])("refuses bad input before sending: %s", async (_name, call, field) => {
    await expect(call()).rejects.toMatchObject({ code: "invalid_input", field });
    expect(requests).toEqual([]);
  });

  it("names the package in input errors, the unknown key by name", async () => {
    await expect(client().volumeTypes.get({ volumeTypeId: "" })).rejects.toThrow(
      /^\[@meterkit\/ledger-client\] invalid input: volumeTypeId: must not be empty$/,
    );
    await expect(
      client().entities.updateInstance({ instanceId: "i", flavour: "x" } as never),
    ).rejects.toThrow(
      /^\[@meterkit\/ledger-client\] invalid input: flavour: is not a field of this operation$/,
    );
  });

  it("runs the standalone operations on a context, the same way", async () => {
    next = {
      status: 200,
      type: "application/json",
      body: '{"volume_type_id": "a", "volume_type_name": "b"}',
    };
    const context = createAlmanachContext({ baseUrl: url, token: "tok-123" });
    await expect(getVolumeType(context, { volumeTypeId: "a" })).resolves.toEqual({
      volumeTypeId: "a",
      volumeTypeName: "b",
    });
    expect(requests[0]?.url).toBe("/v1/volume_type/a");
    expect(requests[0]?.headers["x-auth-token"]).toBe("tok-123");
  });

  it("gives an HttpClient the package's error mapping", async () => {
    next = { status: 404, type: "application/json", body: '{"error": "Entity not found"}' };
    const almanach = createAlmanachClient(createHttpClient({ baseUrl: url }));
    await expect(almanach.entities.get({ entityId: "e" })).rejects.toMatchObject({
      summary: "Entity not found (404)",
    });
  });

  it("sends the reference's headers and 'now' in UTC when a date is omitted", async () => {
    next = { status: 202, type: "text/html; charset=utf-8", body: "" };
    await expect(client().volumes.delete({ volumeId: "v 1" })).resolves.toBe(true);
    const [r] = requests;
    expect(r?.url).toBe("/v1/volume/v%201");
    expect(r?.headers["x-auth-token"]).toBe("tok-123");
    expect(r?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(r?.body ?? "")).toEqual({ date: "2020-01-02T03:04:05.000000Z" });
  });

  it("treats any status but the expected one as an error (201 on a DELETE)", async () => {
    next = { status: 201, type: "text/html; charset=utf-8", body: "" };
    const error = await client()
      .volumeTypes.delete({ volumeTypeId: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlmanachHttpError);
    expect(isClientError(error)).toBe(true);
    expect((error as AlmanachHttpError).status).toBe(201);
  });

  it("shows a validation error object the way the reference does, and keeps it", async () => {
    next = {
      status: 400,
      type: "application/json",
      body: JSON.stringify({ error: { name: "expected str" } }),
    };
    const error = (await client()
      .entities.updateInstance({ instanceId: "i", name: "x" })
      .catch((e: unknown) => e)) as AlmanachHttpError;
    expect(error.summary).toBe("{'name': 'expected str'} (400)");
    expect(error.error).toEqual({ name: "expected str" });
    expect(isSdkError(error, "http_error")).toBe(true);
  });

  it("prints floats in an error object as Python does (1e-05, 2.5)", async () => {
    next = { status: 400, type: "application/json", body: '{"error": {"size": 1e-5, "ratio": 2.5}}' };
    await expect(client().info.get()).rejects.toMatchObject({
      summary: "{'size': 1e-05, 'ratio': 2.5} (400)",
    });
  });

  it("uses 'HTTP Error' when a JSON error body has no error key", async () => {
    next = { status: 500, type: "application/json", body: "{}" };
    await expect(client().info.get()).rejects.toMatchObject({ summary: "HTTP Error (500)" });
  });

  it("never puts the token in error messages", async () => {
    next = { status: 401, type: "text/html", body: "Unauthorized" };
    const error = (await client()
      .volumeTypes.list()
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("Unauthorized (401)");
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("tok-123");
  });

  it("rejects a malformed success body with a typed error", async () => {
    next = { status: 200, type: "application/json", body: JSON.stringify([{ volume_type_id: 1 }]) };
    await expect(client().volumeTypes.list()).rejects.toMatchObject({ code: "response_validation" });
  });
});
