import { HttpError, SdkError } from "@meterkit/core";
import { PACKAGE } from "./package-name.js";

declare module "@meterkit/core" {
  /** This package's error codes, so `isSdkError(e, "state_conflict")` narrows to its class. */
  interface SdkErrorMap {
    state_conflict: StateConflictError;
    unsupported_operation: UnsupportedOperationError;
  }
}

/**
 * Waldur refused an action because the object is in the wrong state or busy (HTTP 409, DRF's
 * `StateValidator`: `{"detail": "Valid states for operation: pending-provider."}`), after the bounded
 * retries the reference client also makes. It is core's `HttpError` of the last answer (status, body,
 * headers…) with its own code, `state_conflict`, and the number of attempts; `cause` is core's error.
 * @public
 */
export class StateConflictError extends HttpError {
  /** Always `state_conflict`: callers branch on it rather than on the status. */
  override readonly code = "state_conflict";
  /** How many times the request was sent. */
  readonly attempts: number;

  constructor(last: HttpError, attempts: number) {
    super({
      status: last.status,
      method: last.method,
      url: last.url,
      body: last.body,
      headers: last.headers,
      requestId: last.requestId,
    });
    const detail = drfErrorMessages(last.body).join(" ");
    // `url` and `body` are already redacted by core, so the message built from them is too.
    this.message = `[${PACKAGE}] ${last.method} ${last.url} conflicts with the object's state after ${attempts} attempt(s)${detail ? `: ${detail}` : ""}`;
    this.cause = last;
    this.attempts = attempts;
  }
}

/** The operation does not exist on the configured server generation; nothing was sent. @public */
export class UnsupportedOperationError extends SdkError {
  /** The client method, e.g. `resources.listAsProvider`. */
  readonly operation: string;
  constructor(operation: string, generation: string, hint: string) {
    super(
      "unsupported_operation",
      `[${PACKAGE}] ${operation} is not available on ${generation} Waldur servers: ${hint}`,
    );
    this.operation = operation;
  }
}

/**
 * The human-readable messages of a DRF error body, whatever its shape: `{"detail": "…"}`, field lists
 * `{"state": ["…"]}` (prefixed with the field), `{"non_field_errors": ["…"]}`, or a bare list `["…"]`
 * (a `ValidationError` raised in a view).
 * @example `drfErrorMessages(error.body) // ["state: Select a valid choice. creating is not one of the available choices."]`
 * @public
 */
export function drfErrorMessages(body: unknown): string[] {
  if (typeof body === "string") return body.trim() === "" || body.trimStart().startsWith("<") ? [] : [body];
  if (Array.isArray(body)) return body.flatMap((item) => drfErrorMessages(item));
  if (typeof body !== "object" || body === null) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const messages = drfErrorMessages(value);
    const bare = key === "detail" || key === "non_field_errors";
    for (const message of messages) out.push(bare ? message : `${key}: ${message}`);
  }
  return out;
}
