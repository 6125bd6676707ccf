/**
 * The two acceptable fates of a bad input, as vitest assertions: refused with a typed error naming the field
 * before anything reached the server, or sent with the value encoded so that it lands where intended.
 */
import { isSdkError } from "@meterkit/core";
import { expect } from "vitest";
import { describe, namesField, settle } from "./outcome.js";
import type { RecordedRequest, RecordingServer } from "./recording-server.js";

/** What a refusal must look like. */
export interface RefusalSpec {
  /** The package whose name prefixes the message, e.g. `@meterkit/ledger-client`. */
  readonly pkg: string;
  /** The field the error must name (zod path joined with dots; a nested path may end with it), or any of several. */
  readonly field: string | readonly string[];
  /**
   * Also accept the field named in the message only. zod reports an unknown key on its parent object
   * (`query: Unrecognized key: "x"`), so for unknown keys the message is where the key is named.
   */
  readonly inMessage?: boolean;
  /** The typed-error check; default: core's `InvalidInputError` (`code: "invalid_input"`). */
  readonly typed?: (error: unknown) => boolean;
}

/** A meterkit error of any package: an Error with a string `code` and a `[@meterkit/…]` message. */
export function isMeterkitError(error: unknown): boolean {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === "string" &&
    error.message.startsWith("[@meterkit/")
  );
}

/** Assert `call` fails with a typed error naming `spec.field`, and that the server saw no request at all. */
export async function expectRefused(
  server: RecordingServer | undefined,
  call: () => unknown,
  spec: RefusalSpec,
): Promise<void> {
  server?.reset();
  const outcome = await settle(call);
  expect(outcome.ok, "the call must fail before sending").toBe(false);
  if (outcome.ok) return;
  const typed = spec.typed ?? ((e: unknown) => isSdkError(e, "invalid_input"));
  expect(typed(outcome.error), `typed error expected, got ${describe(outcome.error)}`).toBe(true);
  const fields = typeof spec.field === "string" ? [spec.field] : spec.field;
  expect(
    fields.some(
      (f) => namesField(outcome.error, f) || (spec.inMessage && (outcome.error as Error).message.includes(f)),
    ),
    `must name ${fields.join(" or ")}: ${describe(outcome.error)}`,
  ).toBe(true);
  expect((outcome.error as Error).message.startsWith(`[${spec.pkg}]`), describe(outcome.error)).toBe(true);
  if (server) expect(server.requests, "nothing may reach the server").toHaveLength(0);
}

/** What a safely encoded call must have sent. */
export interface EncodingSpec {
  /** The HTTP method expected on the wire. */
  readonly method: string;
  /** The exact raw request path (before the query), e.g. `/v1/entity/..%2Fadmin`. */
  readonly path: string;
  /** How many requests the call makes (a write that reads the result back makes two); the first is checked. */
  readonly requests?: number;
  /** Extra checks on the recorded request (query, body, headers). */
  readonly check?: (request: RecordedRequest) => void;
}

/**
 * Assert `call` sent exactly one request with the expected method and raw path. The call itself may fail
 * afterwards (the recording server's answer need not fit the client's schema), but only with a typed error.
 */
export async function expectEncoded(
  server: RecordingServer,
  call: () => unknown,
  spec: EncodingSpec,
): Promise<RecordedRequest> {
  server.reset();
  const outcome = await settle(call);
  if (!outcome.ok) {
    expect(isMeterkitError(outcome.error), `typed error expected, got ${describe(outcome.error)}`).toBe(true);
    expect(isSdkError(outcome.error, "invalid_input"), describe(outcome.error)).toBe(false);
  }
  expect(server.requests, "the expected number of requests").toHaveLength(spec.requests ?? 1);
  const request = server.requests[0] as RecordedRequest;
  expect(request.method).toBe(spec.method);
  expect(request.path.split("?")[0]).toBe(spec.path);
  // No header may carry a line break or a header the caller did not intend.
  for (const name of Object.keys(request.headers)) expect(name).not.toMatch(/injected|set-cookie/i);
  spec.check?.(request);
  return request;
}

/**
 * A known gap: nothing is sent and the error is typed, but it is not yet an `InvalidInputError` naming the
 * field. The last assertion flips when the gap is fixed, so the row must then move to the strict table.
 */
export async function expectGap(
  server: RecordingServer | undefined,
  call: () => unknown,
  field: string | readonly string[],
): Promise<string> {
  server?.reset();
  const outcome = await settle(call);
  expect(outcome.ok, "the call must fail").toBe(false);
  if (outcome.ok) return "";
  if (server) expect(server.requests, "nothing may reach the server").toHaveLength(0);
  const fields = typeof field === "string" ? [field] : field;
  const fixed =
    isSdkError(outcome.error, "invalid_input") && fields.some((f) => namesField(outcome.error, f));
  expect(fixed, `gap fixed (${describe(outcome.error)}): move this case to the strict table`).toBe(false);
  return describe(outcome.error);
}
