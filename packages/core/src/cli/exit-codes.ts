/**
 * The exit codes of every meterkit CLI, documented once (core's README, "CLI kit"), and how an error maps
 * to one.
 */
import { isSdkError } from "../errors.js";

/** Exit codes shared by `almanach`, `hashmap` and `sla-catalog`. @public */
export const EXIT = {
  /** The command did what it was asked. */
  ok: 0,
  /** An unexpected failure (a bug: please report it). */
  unexpected: 1,
  /** The command line was wrong: unknown command or option, missing or repeated value. Nothing was sent. */
  usage: 2,
  /** The input was refused: by the client before sending, or by the server (400, 422). */
  invalid: 3,
  /** The server does not have it (404). */
  notFound: 4,
  /** The server refused because of the object's state (409). */
  conflict: 5,
  /** The service could not be reached or failed (network, timeout, 5xx, no endpoint in the catalog). */
  unavailable: 6,
  /** Authentication or permission failed (401, 403, Keystone refused the credentials). */
  auth: 7,
} as const;

/** A mistake on the command line (exit 2): the message says what and where. @public */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The exit code of an error. @public */
export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (!isSdkError(error)) return EXIT.unexpected;
  if (isSdkError(error, "http_error")) {
    const status = error.status;
    if (status === 401 || status === 403) return EXIT.auth;
    if (status === 404) return EXIT.notFound;
    if (status === 409) return EXIT.conflict;
    if (status >= 500) return EXIT.unavailable;
    return EXIT.invalid;
  }
  switch (error.code) {
    case "invalid_input":
      return EXIT.invalid;
    case "auth_error":
      return EXIT.auth;
    case "network_error":
    case "timeout":
    case "endpoint_not_found":
    case "response_validation":
      return EXIT.unavailable;
    default:
      return EXIT.unexpected;
  }
}

/** One of {@link EXIT}'s values. @public */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
