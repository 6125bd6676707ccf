/** 409 retries (bounded, abortable), DRF error bodies, and the secret token kept out of errors. */
import { createHttpClient, HttpError, isSdkError, tokenAuth } from "@meterkit/core";
import { afterEach, describe, expect, it } from "vitest";
import { createWaldurClient, drfErrorMessages, type StateConflictError } from "../src/index.js";
import { type RecordingServer, startRecordingServer } from "./support/recording-server.js";

const conflict = {
  status: 409,
  headers: ["Content-Type: application/json"],
  body: '{"detail": "Valid states for operation: pending-provider."}',
};
const order = "7e57c0de7e57c0de7e57c0de7e57c0de";
let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("errors", () => {
  it("retries a conflicting action up to `attempts`, then throws StateConflictError; a later success wins", async () => {
    server = await startRecordingServer([conflict, conflict, { status: 200, headers: [], body: "" }]);
    const waldur = createWaldurClient({
      baseUrl: `http://127.0.0.1:${server.port}/api/`,
      token: "secret-token-123",
      conflictRetry: { delayMs: 1 },
    });
    await expect(waldur.orders.approve({ orderUuid: order })).resolves.toBeUndefined();
    expect(server.received).toHaveLength(3);

    await server.close();
    server = await startRecordingServer([conflict, conflict]);
    const twice = createWaldurClient({
      baseUrl: `http://127.0.0.1:${server.port}/api/`,
      token: "secret-token-123",
      conflictRetry: { attempts: 2, delayMs: 1 },
    });
    const error = (await twice.orders
      .reject({ orderUuid: order })
      .catch((e: unknown) => e)) as StateConflictError;
    expect(isSdkError(error, "state_conflict")).toBe(true);
    expect(error.attempts).toBe(2);
    expect(error.message).toContain("Valid states for operation: pending-provider.");
    expect(error.message).not.toContain("secret-token-123");
  });

  it("an abort during the wait between attempts stops the retries", async () => {
    server = await startRecordingServer([conflict, conflict, conflict]);
    const waldur = createWaldurClient({
      baseUrl: `http://127.0.0.1:${server.port}/api/`,
      token: "t",
      conflictRetry: { delayMs: 60_000 },
    });
    const controller = new AbortController();
    const pending = waldur.orders.approve({ orderUuid: order }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    controller.abort(new Error("stop"));
    const error = await pending.catch((e: unknown) => e);
    expect(isSdkError(error, "aborted")).toBe(true);
    expect(server.received).toHaveLength(1);
  });

  it("a read is sent once: its 409 is a StateConflictError after 1 attempt, and an HttpError too", async () => {
    server = await startRecordingServer([conflict, conflict]);
    const waldur = createWaldurClient({
      baseUrl: `http://127.0.0.1:${server.port}/api/`,
      token: "t",
      conflictRetry: { delayMs: 1 },
    });
    const error = await waldur.offerings.get({ offeringUuid: order }).catch((e: unknown) => e);
    expect(isSdkError(error, "state_conflict")).toBe(true);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as StateConflictError).attempts).toBe(1);
    expect((error as StateConflictError).status).toBe(409);
    expect((error as StateConflictError).cause).toBeInstanceOf(HttpError);
    expect(server.received).toHaveLength(1);
  });

  it("the client's `retry` repeats a 503 read; other statuses pass through as core's HttpError", async () => {
    const unavailable = { status: 503, headers: [], body: "" };
    const offering = { status: 200, headers: ["Content-Type: application/json"], body: '{"uuid": "x"}' };
    server = await startRecordingServer([unavailable, offering, unavailable]);
    const waldur = createWaldurClient({
      baseUrl: `http://127.0.0.1:${server.port}/api/`,
      token: "t",
      retry: { maxAttempts: 2, baseDelayMs: 1 },
    });
    await expect(waldur.offerings.get({ offeringUuid: order })).resolves.toEqual({ uuid: "x" });
    expect(server.received).toHaveLength(2);
    // Without `retry`, one attempt; a POST's 503 is not sent again by the 409 rule either.
    const once = createWaldurClient({ baseUrl: `http://127.0.0.1:${server.port}/api/`, token: "t" });
    const error = await once.orders.approve({ orderUuid: order }).catch((e: unknown) => e);
    expect(isSdkError(error, "http_error") && error.status).toBe(503);
    expect(server.received).toHaveLength(3);
  });

  it("an HttpClient given instead of options gets Waldur's error mapping", async () => {
    server = await startRecordingServer([conflict]);
    const http = createHttpClient({
      baseUrl: `http://127.0.0.1:${server.port}/api/`,
      auth: tokenAuth({ token: "t", scheme: "token" }),
    });
    const waldur = createWaldurClient(http);
    expect(waldur.apiRoot).toBe(`http://127.0.0.1:${server.port}/api/`);
    // A read, so the defaults' 2 s waits between POST attempts do not slow the test down.
    const error = await waldur.offerings.get({ offeringUuid: order }).catch((e: unknown) => e);
    expect(isSdkError(error, "state_conflict")).toBe(true);
    expect(server.received[0]?.headers.authorization).toBe("token t");
  });

  it("keeps DRF's error bodies on HttpError and flattens every shape", async () => {
    server = await startRecordingServer([
      {
        status: 400,
        headers: ["Content-Type: application/json"],
        body: '["It is not allowed to create users for current offering."]',
      },
    ]);
    const waldur = createWaldurClient({ baseUrl: `http://127.0.0.1:${server.port}/api/`, token: "t" });
    const error = (await waldur.offeringUsers
      .create({ offering: order, user: order })
      .catch((e: unknown) => e)) as HttpError;
    expect(error.status).toBe(400);
    expect(drfErrorMessages(error.body)).toEqual(["It is not allowed to create users for current offering."]);
    expect(drfErrorMessages({ detail: "Not found." })).toEqual(["Not found."]);
    expect(drfErrorMessages({ state: ["Select a valid choice."], non_field_errors: ["x"] })).toEqual([
      "state: Select a valid choice.",
      "x",
    ]);
    expect(drfErrorMessages({ usages: [{ amount: ["A valid number is required."] }] })).toEqual([
      "usages: amount: A valid number is required.",
    ]);
    expect(drfErrorMessages("<html>404</html>")).toEqual([]);
  });
});
