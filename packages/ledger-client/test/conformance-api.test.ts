/**
 * Every `api-*` capture replayed: the same call through createAlmanachClient / AlmanachKeystoneClient against a
 * local server answering the recorded responses; our requests must equal the recorded ones and our result
 * (or typed error) must match the recorded one, except for the deviations in deviations.ts.
 */
import { isSdkError } from "@meterkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlmanachEndpointNotFoundError, AlmanachHttpError } from "../src/index.js";
import { DEVIATIONS } from "./deviations.js";
import { assertRequests } from "./helpers/assert-requests.js";
import { loadCaptures } from "./helpers/captures.js";
import { expectedValue } from "./helpers/expected.js";
import { invoke } from "./helpers/invoke.js";
import { ReplayServer } from "./helpers/replay-server.js";

const captures = loadCaptures("api-");
// In the session-mode captures the reference's session had already authenticated; its token exchange is
// recorded once, and answers our (first) token request in the others.
const sessionToken = loadCaptures()
  .flatMap((c) => c.exchanges)
  .find(
    (e) =>
      e.request.path.endsWith("/auth/tokens") &&
      (e.request.json as { auth?: { scope?: { project?: unknown } } })?.auth?.scope?.project,
  );

const server = new ReplayServer();
beforeAll(() => server.start());
afterAll(() => server.close());

describe("api captures", () => {
  it("finds the captures", () => {
    expect(captures.length).toBeGreaterThan(0);
  });

  it.each(captures.map((c) => [c.file, c] as const))("%s", async (_file, capture) => {
    server.load(capture.exchanges, sessionToken ? [sessionToken] : []);
    const deviation = DEVIATIONS[capture.file];
    let outcome: { ok: true; value: unknown; token: string | undefined } | { ok: false; error: unknown };
    let token: string | undefined;
    try {
      const r = invoke(capture, server, sessionToken);
      token = r.token;
      outcome = { ok: true, value: await r.result, token: r.token };
    } catch (error) {
      outcome = { ok: false, error };
    }

    if (deviation?.kind === "refused-before-sending") {
      expect(outcome.ok).toBe(false);
      const error = (outcome as { error: unknown }).error;
      expect(isSdkError(error, "invalid_input")).toBe(true);
      expect((error as { field: string }).field).toBe(deviation.field);
      expect(server.received).toEqual([]);
      return;
    }

    assertRequests(capture, server, { token, deviation });

    const recorded = capture.result;
    if ("return" in recorded) {
      if (!outcome.ok) throw outcome.error;
      const value = typeof recorded.return === "string" ? server.fill(recorded.return) : recorded.return;
      expect(JSON.parse(JSON.stringify(outcome.value))).toEqual(expectedValue(value));
      return;
    }
    const exception = recorded.exception as { type: string; message: string };
    expect(outcome.ok, `expected ${exception.type}`).toBe(false);
    const error = (outcome as { error: unknown }).error;
    if (exception.type.endsWith("exceptions.HTTPError")) {
      expect(error).toBeInstanceOf(AlmanachHttpError);
      expect((error as AlmanachHttpError).summary).toBe(exception.message);
    } else if (exception.type === "almanachclient.exceptions.EndpointNotFound") {
      expect(error).toBeInstanceOf(AlmanachEndpointNotFoundError);
      expect((error as Error).message).toContain(exception.message);
    } else if (exception.type.endsWith("catalog.EndpointNotFound")) {
      expect(isSdkError(error, "endpoint_not_found")).toBe(true);
    } else {
      throw new Error(`no mapping for the reference exception ${exception.type} (${capture.file})`);
    }
  });
});
