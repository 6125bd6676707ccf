import { type ErrorMapper, HttpError, isSdkError } from "@meterkit/core";

/** One invalid field reported by the service. @public */
export interface ProblemFieldError {
  readonly field: string;
  /** `required`, `invalid_enum`, `invalid_format`, `out_of_range`, `not_found`, `invalid_order`, `already_exists`… */
  readonly code: string;
  readonly message: string;
}

/** An RFC 9457 problem details body as the catalog service sends it. @public */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  /** `validation_failed`, `not_found`, `already_exists`, `invalid_state`, `in_use`, `bad_request`… */
  readonly code: string;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly referencedBy?: readonly { readonly type: string; readonly id: string | number }[];
}

// A global symbol, not `instanceof`: a CatalogError made by another installed copy of this package is
// still recognised (the same idea as core's own error brand).
const BRAND = Symbol.for("@meterkit/sla-catalog-client/CatalogError");

/**
 * The service refused a request with a problem details body. It is an `HttpError` (code `http_error`,
 * `status`, redacted `url`), plus the problem's fields.
 * @public
 */
export class CatalogError extends HttpError {
  /** The problem details body as the service sent it. */
  readonly problem: Problem;
  /** The problem's `code`, e.g. `in_use`. */
  readonly problemCode: string;
  /** The problem's `detail` sentence. */
  readonly detail: string;
  /** The invalid fields (422 `validation_failed`); empty otherwise. */
  readonly errors: readonly ProblemFieldError[];
  /** What still references the object (409 `in_use`); empty otherwise. */
  readonly referencedBy: readonly { readonly type: string; readonly id: string | number }[];

  constructor(source: HttpError, problem: Problem) {
    super({
      status: source.status,
      method: source.method,
      url: source.url,
      body: source.body,
      headers: source.headers,
      requestId: source.requestId,
      message: `${problem.code}: ${problem.detail}`,
    });
    this.message = `[@meterkit/sla-catalog-client] ${source.method} ${source.url} failed with ${source.status} ${problem.code}: ${problem.detail}`;
    this.problem = problem;
    this.problemCode = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.referencedBy = problem.referencedBy ?? [];
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** True for a `CatalogError` (from any copy of this package), optionally with this problem code. @public */
export function isCatalogError(value: unknown, problemCode?: string): value is CatalogError {
  return (
    isSdkError(value, "http_error") &&
    BRAND in value &&
    (problemCode === undefined || (value as { problemCode?: unknown }).problemCode === problemCode)
  );
}

function isProblem(body: unknown): body is Problem {
  const b = body as Partial<Problem> | null;
  return (
    typeof b === "object" &&
    b !== null &&
    typeof b.status === "number" &&
    typeof b.code === "string" &&
    typeof b.detail === "string"
  );
}

/**
 * The client's `mapError`: an `HttpError` whose body is a problem details document becomes a
 * `CatalogError`; any other (a proxy's HTML page, an empty 502) stays core's `HttpError`.
 * @internal
 */
export const mapCatalogError: ErrorMapper = (error) =>
  isProblem(error.body) ? new CatalogError(error, error.body) : error;
