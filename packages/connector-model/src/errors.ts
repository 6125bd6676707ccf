const BRAND = Symbol.for("@meterkit/connector-model/error");

/**
 * What went wrong, as a stable machine-readable code.
 *
 * - `invalid_value`: the value has the right kind but is not acceptable (Python `ValueError`).
 * - `invalid_type`: the value has the wrong kind (Python `TypeError` / `AttributeError`).
 * - `out_of_range`: a date or number leaves the representable range (Python `OverflowError`).
 * - `missing_key`: a required key is absent from an event (Python `KeyError`).
 * - `bad_response`: the CMP API answered with a status other than 200.
 * @public
 */
export type ModelErrorCode =
  | "invalid_value"
  | "invalid_type"
  | "out_of_range"
  | "missing_key"
  | "bad_response";

/**
 * Base class of every error this package throws for bad input or bad responses.
 * `field` names the offending option (`"id"`, `"details.iops"`, `"locations[1].city.id"`) when there is one.
 * @public
 */
export class ConnectorModelError extends Error {
  /** Stable code, see {@link ModelErrorCode}. */
  readonly code: ModelErrorCode;
  /** Path of the offending field, if the error is about one. */
  readonly field: string | undefined;

  constructor(code: ModelErrorCode, message: string, field?: string, options?: ErrorOptions) {
    super(`[@meterkit/connector-model] ${message}`, options);
    this.name = new.target.name;
    this.code = code;
    this.field = field;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** A value of the right kind that the original library rejects (its `ValueError`). @public */
export class InvalidValueError extends ConnectorModelError {
  constructor(message: string, field?: string, options?: ErrorOptions) {
    super("invalid_value", message, field, options);
  }
}

/** A date string that cannot be parsed (the original's dateutil `ParserError`). @public */
export class DateParseError extends InvalidValueError {}

/** A value of the wrong kind (the original's `TypeError` or `AttributeError`). @public */
export class InvalidTypeError extends ConnectorModelError {
  constructor(message: string, field?: string, options?: ErrorOptions) {
    super("invalid_type", message, field, options);
  }
}

/** A date or number outside the representable range (the original's `OverflowError`). @public */
export class OutOfRangeError extends ConnectorModelError {
  constructor(message: string, field?: string, options?: ErrorOptions) {
    super("out_of_range", message, field, options);
  }
}

/** A key the original looks up unconditionally is missing (its `KeyError`). @public */
export class MissingKeyError extends ConnectorModelError {
  constructor(message: string, field?: string, options?: ErrorOptions) {
    super("missing_key", message, field, options);
  }
}

/**
 * The CMP API answered with a status other than 200 (the original raises a bare `Exception`).
 * @public
 */
export class BadResponseError extends ConnectorModelError {
  /** HTTP status of the response. */
  readonly status: number;
  /** Raw response body. */
  readonly content: string | Uint8Array;

  constructor(message: string, status: number, content: string | Uint8Array) {
    super("bad_response", message);
    this.status = status;
    this.content = content;
  }
}

/**
 * True for any error thrown by this package, even across two installed copies of it.
 * @public
 */
export function isConnectorModelError(value: unknown, code?: ModelErrorCode): value is ConnectorModelError {
  return (
    typeof value === "object" &&
    value !== null &&
    BRAND in value &&
    (code === undefined || (value as unknown as ConnectorModelError).code === code)
  );
}
