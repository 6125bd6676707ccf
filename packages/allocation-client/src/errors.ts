import { type HttpError, SdkError } from "@meterkit/core";
import { PACKAGE } from "./context.js";

/**
 * Waldur refused an action because the object is in the wrong state or busy (HTTP 409, DRF's
 * `StateValidator`: `{"detail": "Valid states for operation: pending-provider."}`), after the bounded
 * retries the reference client also makes. `cause` is the last {@link HttpError}.
 * @public
 */
export class StateConflictError extends SdkError {
  /** Always 409. */
  readonly status: number;
  readonly method: string;
  /** The redacted request URL. */
  readonly url: string;
  /** How many times the request was sent. */
  readonly attempts: number;
  /** The DRF error body of the last answer, e.g. `{ detail: "…" }`. */
  readonly body: unknown;

  constructor(last: HttpError, attempts: number) {
    const detail = drfErrorMessages(last.body).join(" ");
    super(
      "state_conflict",
      `[${PACKAGE}] ${last.method} ${last.url} conflicts with the object's state after ${attempts} attempt(s)${detail ? `: ${detail}` : ""}`,
      { cause: last },
    );
    this.status = last.status;
    this.method = last.method;
    this.url = last.url;
    this.attempts = attempts;
    this.body = last.body;
  }
}

/** The operation does not exist on the configured server generation; nothing was sent. @public */
export class UnsupportedOperationError extends SdkError {
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
