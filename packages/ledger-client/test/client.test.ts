/** Input validation, the one-status rule and error shapes, against a real local server. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isSdkError } from "@meterkit/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AlmanachClient, AlmanachHttpError, isClientError } from "../src/index.js";

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
  new AlmanachClient({ url, token: "tok-123", now: () => new Date(Date.UTC(2020, 0, 2, 3, 4, 5)) });

describe("AlmanachClient", () => {
  it("needs a url or keystone", () => {
    expect(() => new AlmanachClient({})).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "url" }),
    );
  });

  it.each([
    [
      "createVolume size",
      () => client().createVolume({ tenantId: "t", volumeId: "v", volumeTypeId: "vt", name: "n", size: 1.5 }),
      "size",
    ],
    [
      "createVolume size string",
      () =>
        client().createVolume({
          tenantId: "t",
          volumeId: "v",
          volumeTypeId: "vt",
          name: "n",
          size: "5" as never,
        }),
      "size",
    ],
    [
      "getInstances start",
      () => client().getInstances({ tenantId: "t", start: "yesterday", end: new Date() }),
      "start",
    ],
    ["getEntity id", () => client().getEntity(""), "entityId"],
    [
      "attachVolume attachments",
      () => client().attachVolume({ volumeId: "v", attachments: null as never }),
      "attachments",
    ],
    [
      "updateInstanceEntity unknown key",
      () => client().updateInstanceEntity({ instanceId: "i", flavour: "x" } as never),
      "flavour",
    ],
    [
      "createInstance imageMeta key",
      () =>
        client().createInstance({
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

  it("names the package in input errors", async () => {
    await expect(client().getVolumeType("")).rejects.toThrow(/^\[@meterkit\/ledger-client\]/);
  });

  it("sends the reference's headers and 'now' in UTC when a date is omitted", async () => {
    next = { status: 202, type: "text/html; charset=utf-8", body: "" };
    await expect(client().deleteVolume({ volumeId: "v 1" })).resolves.toBe(true);
    const [r] = requests;
    expect(r?.url).toBe("/v1/volume/v%201");
    expect(r?.headers["x-auth-token"]).toBe("tok-123");
    expect(r?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(r?.body ?? "")).toEqual({ date: "2020-01-02T03:04:05.000000Z" });
  });

  it("treats any status but the expected one as an error (201 on a DELETE)", async () => {
    next = { status: 201, type: "text/html; charset=utf-8", body: "" };
    const error = await client()
      .deleteVolumeType("x")
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
      .updateInstanceEntity({ instanceId: "i", name: "x" })
      .catch((e: unknown) => e)) as AlmanachHttpError;
    expect(error.summary).toBe("{'name': 'expected str'} (400)");
    expect(error.error).toEqual({ name: "expected str" });
    expect(isSdkError(error, "http_error")).toBe(true);
  });

  it("uses 'HTTP Error' when a JSON error body has no error key", async () => {
    next = { status: 500, type: "application/json", body: "{}" };
    await expect(client().getInfo()).rejects.toMatchObject({ summary: "HTTP Error (500)" });
  });

  it("never puts the token in error messages", async () => {
    next = { status: 401, type: "text/html", body: "Unauthorized" };
    const error = (await client()
      .getVolumeTypes()
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("Unauthorized (401)");
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("tok-123");
  });

  it("rejects a malformed success body with a typed error", async () => {
    next = { status: 200, type: "application/json", body: JSON.stringify([{ volume_type_id: 1 }]) };
    await expect(client().getVolumeTypes()).rejects.toMatchObject({ code: "response_validation" });
  });
});
