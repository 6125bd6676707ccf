/** Bad input fails before anything is sent, with `InvalidInputError` naming the field. */
import { type InvalidInputError, isSdkError } from "@meterkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWaldurClient } from "../src/index.js";
import { type RecordingServer, startRecordingServer } from "./support/recording-server.js";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer([]);
});
afterAll(() => server.close());

const client = (generation: "current" | "legacy" = "current") =>
  createWaldurClient({ baseUrl: `http://127.0.0.1:${server.port}/api`, token: "t0ken", generation });

async function fieldOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(isSdkError(error, "invalid_input"), String(error)).toBe(true);
    expect((error as Error).message).toMatch(/^\[@meterkit\/allocation-client\]/);
    return (error as InvalidInputError).field;
  }
  throw new Error("expected InvalidInputError");
}

describe("input validation", () => {
  it.each([
    [
      "resource state is case-sensitive",
      () => client().resources.list({ state: "creating" as never }),
      "query.state",
    ],
    [
      "offering filter must be a UUID",
      () => client().resources.list({ offeringUuid: "LUMI-C" }),
      "query.offeringUuid",
    ],
    ["pageSize is at most 300", () => client().users.list({}, { pageSize: 301 }), "options.pageSize"],
    [
      "legacy order-item states",
      () => client("legacy").orders.list({ state: "pending-provider" }),
      "filters.state",
    ],
    ["current order states", () => client().orders.list({ state: "pending" }), "filters.state"],
    ["order uuid", () => client().orders.approve({ orderUuid: "../x" }), "input.orderUuid"],
    [
      "report needs a section",
      () => client().resources.submitReport({ resourceUuid: "a1916bd53fd04b1ab1a4e700c926607b", report: [] }),
      "input.report",
    ],
    [
      "usage type is required",
      () =>
        client().componentUsages.create({
          planPeriodUuid: "fb36ce56e53b43e59b3d963354d0467c",
          usages: [{ amount: 1 }],
        }),
      "input.usages.0.type",
    ],
    [
      "legacy amounts are integers",
      () =>
        client("legacy").componentUsages.create({
          planPeriodUuid: "fb36ce56e53b43e59b3d963354d0467c",
          usages: [{ type: "cpu", amount: 2.5 }],
        }),
      "input.usages.0.amount",
    ],
    [
      "current amounts have 2 decimals",
      () =>
        client().componentUsages.create({
          resourceUuid: "a1916bd53fd04b1ab1a4e700c926607b",
          usages: [{ type: "cpu", amount: "1.234" }],
        }),
      "input.usages.0.amount",
    ],
    [
      "legacy has no usage by resource",
      () =>
        client("legacy").componentUsages.create({
          resourceUuid: "a1916bd53fd04b1ab1a4e700c926607b",
          usages: [{ type: "cpu", amount: 1 }],
        }),
      "input.resourceUuid",
    ],
    [
      "offering is a UUID or a URL",
      () => client().offeringUsers.create({ offering: "LUMI-C", user: "bb235c67dcb44470a45d4e0f94e0ed00" }),
      "input.offering",
    ],
    [
      "legacy rejects have no comment",
      () => client("legacy").orders.reject({ orderUuid: "9b1f5a1c2d3e4f5a6b7c8d9e0f1a2b3c", comment: "no" }),
      "input.comment",
    ],
  ])("%s", async (_, run, field) => {
    const before = server.received.length;
    const got = await fieldOf(run);
    expect(got).toBe(field);
    expect(server.received.length).toBe(before);
  });

  it("options: token or auth, a URL, a known generation", () => {
    expect(() => createWaldurClient({ baseUrl: "not a url", token: "x" })).toThrow(/baseUrl/);
    expect(() => createWaldurClient({ baseUrl: "http://h/api/" })).toThrow(/token/);
    expect(() =>
      createWaldurClient({ baseUrl: "http://h/api/", token: "x", generation: "v5" as never }),
    ).toThrow(/generation/);
  });
});
