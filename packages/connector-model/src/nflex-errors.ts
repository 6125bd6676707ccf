/**
 * The four exceptions of `nflex_connector_utils.errors`, which a spend collector catches.
 * Each subclasses `Error` directly, as the originals subclass `Exception`.
 */

function defaultMessage(message: string | null | undefined, fallback: string): string {
  // The original tests truthiness: None and "" both fall back to the default text.
  return message === null || message === undefined || message === "" ? fallback : message;
}

/** The account credentials are invalid. Default message `Invalid Credentials`. @public */
export class InvalidCredentials extends Error {
  constructor(message?: string | null) {
    super(defaultMessage(message, "Invalid Credentials"));
    this.name = "InvalidCredentials";
  }
}

/** The account may not read billing data. Default message `Insufficient permission`. @public */
export class InsufficientPermission extends Error {
  constructor(message?: string | null) {
    super(defaultMessage(message, "Insufficient permission"));
    this.name = "InsufficientPermission";
  }
}

/** No billing report file was found. Default message `No billing report found`. @public */
export class NoBillingReport extends Error {
  constructor(message?: string | null) {
    super(defaultMessage(message, "No billing report found"));
    this.name = "NoBillingReport";
  }
}

/**
 * Any other spend error. Like the original (a plain `Exception`) it has no default message;
 * `null` becomes the text `None`, as Python's `str(Exception(None))` does.
 * @public
 */
export class SpendError extends Error {
  constructor(message?: string | null) {
    super(message === null ? "None" : (message ?? ""));
    this.name = "SpendError";
  }
}
