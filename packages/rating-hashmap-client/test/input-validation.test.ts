/**
 * Bad input fails before anything is sent, naming the field. The client points at a real local server that
 * counts what reaches it: the count must stay 0.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHashMapClient, createRatingEngine, type HashMapClient } from "../src/index.js";

const ID = "6f7c1d5e-0000-4000-8000-00000000ffff";

describe("input validation (nothing is sent)", () => {
  let server: Server;
  let received = 0;
  let hm: HashMapClient;

  beforeAll(async () => {
    server = createServer((req, res) => {
      received++;
      req.resume();
      res.writeHead(500, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    hm = createHashMapClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const cases: [string, () => Promise<unknown>, string, RegExp?][] = [
    [
      "two parents",
      () => hm.mappings.create({ service_id: ID, field_id: ID, cost: "1" }),
      "field_id",
      /only one parent/,
    ],
    ["no parent", () => hm.mappings.create({ cost: "1" }), "service_id", /exactly one parent/],
    [
      "field mapping without value",
      () => hm.mappings.create({ field_id: ID, cost: "1" }),
      "value",
      /required for a field mapping/,
    ],
    [
      "service mapping with value",
      () => hm.mappings.create({ service_id: ID, value: "x", cost: "1" }),
      "value",
      /service mapping/,
    ],
    ["infinite cost", () => hm.mappings.create({ service_id: ID, cost: Infinity }), "cost"],
    ["missing cost", () => hm.mappings.create({ service_id: ID } as never), "cost", /cost is required/],
    ["non-decimal cost", () => hm.mappings.create({ service_id: ID, cost: "abc" }), "cost", /decimal number/],
    [
      "cost too large",
      () => hm.mappings.create({ service_id: ID, cost: "1234567890123.5" }),
      "cost",
      /12 digits/,
    ],
    [
      "bad map type",
      () => hm.mappings.create({ service_id: ID, cost: "1", type: "percent" as "flat" }),
      "type",
      /flat" or "rate/,
    ],
    [
      "bad group id",
      () => hm.mappings.create({ service_id: ID, cost: "1", group_id: "g1" }),
      "group_id",
      /UUID/,
    ],
    ["missing level", () => hm.thresholds.create({ service_id: ID, cost: "1" } as never), "level"],
    ["list without parent", () => hm.mappings.list({}), "service_id", /all: true/],
    ["list with two parents", () => hm.thresholds.list({ service_id: ID, field_id: ID }), "field_id"],
    ["group_id with no_group", () => hm.mappings.list({ group_id: ID, no_group: true }), "no_group"],
    ["unknown filter", () => hm.mappings.list({ service_id: ID, colour: "red" } as never), "colour"],
    ["non-uuid id", () => hm.services.get({ serviceId: "not-a-uuid" }), "serviceId", /UUID/],
    ["empty name", () => hm.services.create({ name: "" }), "name"],
    ["field without service", () => hm.fields.create({ name: "x" } as never), "service_id"],
    ["empty quote", () => hm.quote({ resources: [] }), "resources", /at least one/],
    [
      "NaN as a metadata value (JSON would send null)",
      () => hm.quote({ resources: [{ service: "x", volume: "1", desc: { metadata: { t: Number.NaN } } }] }),
      "resources.0.desc.metadata.t",
    ],
    [
      "a start in the past without force",
      () => hm.mappings.create({ service_id: ID, cost: "1", start: "2001-01-01T00:00:00" }),
      "start",
      /force: true/,
    ],
    [
      "float volume",
      () => hm.quote({ resources: [{ service: "x", volume: 0.1 }] }),
      "resources.0.volume",
      /float/,
    ],
    ["no service", () => hm.quote({ resources: [{ service: "", volume: "1" }] }), "resources.0.service"],
    [
      "recursive not boolean",
      () => hm.groups.delete({ groupId: ID, recursive: "yes" as never }),
      "recursive",
    ],
    ["empty patch", () => hm.mappings.update({ mappingId: ID, patch: {} }), "patch", /nothing to update/],
    [
      "unknown patch key",
      () => hm.mappings.update({ mappingId: ID, patch: { field_id: ID } as never }),
      "patch.field_id",
    ],
    [
      "fractional priority",
      () => hm.modules.update({ moduleId: "hashmap", priority: 1.5 }),
      "priority",
      /integer/,
    ],
    [
      "empty module change",
      () => hm.modules.update({ moduleId: "hashmap" }),
      "enabled",
      /give enabled and\/or priority/,
    ],
  ];

  for (const [name, run, field, message] of cases) {
    it(`refuses ${name}`, async () => {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "invalid_input", field });
      expect((error as Error).message).toMatch(/^\[@meterkit\/rating-hashmap-client\] invalid input: /);
      if (message) expect((error as Error).message).toMatch(message);
      expect(received).toBe(0);
    });
  }

  it("needs a baseUrl unless Keystone provides the catalog", () => {
    expect(() => createHashMapClient({})).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "baseUrl" }),
    );
  });

  it("strips a trailing /v1 from the base URL (paths carry it)", () => {
    expect(String(hm.http.options.baseUrl)).not.toMatch(/\/v1$/);
  });

  it("the engine validates rules and records the same way", () => {
    const engine = createRatingEngine({ services: [{ service_id: ID, name: "x" }] });
    expect(() => engine.price([{ service: "x", volume: 0.5 }])).toThrow(
      expect.objectContaining({ field: "records.0.volume" }),
    );
    expect(() => createRatingEngine({ services: [], mappings: [{ cost: 1 }] } as never)).toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
    expect(engine.price([{ service: "x", volume: "2" }])).toBe("0");
  });
});
