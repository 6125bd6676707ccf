/**
 * Capture replay: every recorded python-waldur-client call is made through our client against a real
 * local server that answers with the recorded responses; our requests must equal the recorded ones.
 * Differences allowed, both documented in research/wire/waldur.md: pages after the first are exactly the
 * server's `Link: rel="next"` URL (v0.1.5 re-sent its parameters on top); input the server rejected with a
 * field error may be rejected by us before sending, naming the same field.
 */
import { type HttpError, type InvalidInputError, isSdkError } from "@meterkit/core";
import { describe, expect, it } from "vitest";
import { createWaldurClient, type StateConflictError } from "../src/index.js";
import {
  type Capture,
  type CapturedRequest,
  generationOf,
  headerPairs,
  loadCaptures,
  methodOf,
  withPort,
} from "./support/captures.js";
import { OPERATIONS } from "./support/operations.js";
import { type ReceivedRequest, startRecordingServer } from "./support/recording-server.js";

const captures = loadCaptures().filter((c) => c.exchanges.length > 0);

function baseUrl(capture: Capture, port: number): string {
  // `WaldurClient('http://host/api', …)`: keep the caller's spelling (no trailing slash) to prove we add it.
  const given = /WaldurClient\('([^']+)'/.exec(capture.call)?.[1];
  const pathname = given && /^https?:\/\//.test(given) ? new URL(given).pathname : "/api/";
  return `http://127.0.0.1:${port}${pathname}`;
}

function tokenOf(capture: Capture): string {
  return /WaldurClient\([^,]+,\s*'([^']+)'/.exec(capture.call)?.[1] ?? "test-token-0123456789";
}

const sorted = (pairs: readonly [string, string][]) => pairs.map(([k, v]) => `${k}=${v}`).sort();
const distinct = (pairs: readonly [string, string][]) => [...new Set(sorted(pairs))];

function nextLinkQuery(headers: readonly string[], port: number): [string, string][] | undefined {
  const link = headerPairs(headers)
    .find(([n]) => n.toLowerCase() === "link")?.[1]
    ?.replaceAll("{WALDUR_PORT}", String(port));
  const next = link && /<([^>]*)>;\s*rel="next"/.exec(link)?.[1];
  return next ? [...new URL(next).searchParams.entries()] : undefined;
}

function expectSameRequest(
  ours: ReceivedRequest,
  recorded: CapturedRequest,
  index: number,
  capture: Capture,
  port: number,
) {
  expect(ours.method).toBe(recorded.method);
  expect(ours.path).toBe(recorded.path);
  if (index === 0) {
    expect(sorted(ours.query)).toEqual(sorted(recorded.query));
  } else {
    // A later page: exactly the URL the server's previous answer linked as next, no re-sent parameters…
    const linked = nextLinkQuery(capture.exchanges[index - 1]?.response.headers ?? [], port);
    if (linked) expect(sorted(ours.query)).toEqual(sorted(linked));
    // …which names the same parameters the reference sent (it just repeated some of them).
    expect(distinct(ours.query)).toEqual(distinct(recorded.query));
  }
  const recordedAuth =
    headerPairs(recorded.headers).find(([n]) => n.toLowerCase() === "authorization")?.[1] ?? "";
  const scheme = recordedAuth.split(" ")[0] ?? "";
  expect(String(ours.headers.authorization ?? "")).toMatch(new RegExp(`^${scheme} \\S+$`, "i"));
  expect(ours.body === "" ? null : JSON.parse(ours.body)).toEqual(withPort(recorded.json, port));
  if (recorded.body_raw === "") expect(ours.body).toBe("");
}

function expectSameOutcome(
  capture: Capture,
  outcome: { value?: unknown; error?: unknown },
  received: ReceivedRequest[],
  port: number,
) {
  const recorded = capture.exchanges;
  if (capture.result.exception === undefined) {
    if (outcome.error) throw outcome.error;
    expect(received).toHaveLength(recorded.length);
    const expected = withPort(capture.result.return, port);
    expect(outcome.value ?? "").toEqual(expected);
    return;
  }
  expect(outcome.error, "the reference raised, so must we").toBeDefined();
  const error = outcome.error;
  if (isSdkError(error, "invalid_input")) {
    // Rejected before sending: the server said 400 about the very same field.
    expect(received).toHaveLength(0);
    const first = recorded[0]?.response;
    expect(first?.status).toBe(400);
    const field =
      (error as InvalidInputError).field
        .split(".")
        .filter((p) => !/^\d+$/.test(p))
        .at(-1) ?? "";
    expect(Object.keys(JSON.parse(first?.body ?? "{}"))).toContain(field);
    return;
  }
  expect(received).toHaveLength(recorded.length);
  const last = recorded.at(-1)?.response;
  if (isSdkError(error, "state_conflict")) {
    expect(last?.status).toBe(409);
    expect((error as StateConflictError).attempts).toBe(recorded.length);
    expect((error as StateConflictError).body).toEqual(JSON.parse(last?.body ?? "null"));
  } else {
    expect(isSdkError(error, "http_error"), String(error)).toBe(true);
    expect((error as HttpError).status).toBe(last?.status);
    expect((error as HttpError).body).toEqual(withPort(JSON.parse(last?.body ?? "null"), port));
  }
}

describe("conformance with python-waldur-client captures", () => {
  it("has captures to replay", () => {
    expect(captures.length).toBeGreaterThan(0);
  });

  it.each(captures.map((c) => [c.file, c] as const))("%s", async (_, capture) => {
    const invoke = OPERATIONS[methodOf(capture)];
    expect(invoke, `no mapping for reference method ${methodOf(capture)}`).toBeDefined();
    const server = await startRecordingServer(capture.exchanges.map((e) => e.response));
    try {
      const client = createWaldurClient({
        baseUrl: baseUrl(capture, server.port),
        token: tokenOf(capture),
        generation: generationOf(capture),
        conflictRetry: { delayMs: 1 },
      });
      const first = capture.exchanges[0]?.request as CapturedRequest;
      const outcome = await Promise.resolve()
        .then(() => invoke!(client, first, capture, server.port))
        .then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
      server.received.forEach((ours, i) => {
        const recorded = capture.exchanges[i]?.request;
        expect(recorded, `unexpected extra request ${ours.method} ${ours.path}`).toBeDefined();
        expectSameRequest(ours, recorded as CapturedRequest, i, capture, server.port);
      });
      expectSameOutcome(capture, outcome, server.received, server.port);
    } finally {
      await server.close();
    }
  });
});
