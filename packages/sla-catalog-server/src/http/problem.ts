/** One invalid field of a request, as listed in a problem's `errors`. @public */
export interface FieldError {
  readonly field: string;
  /** `required`, `invalid_enum`, `invalid_format`, `out_of_range`, `not_found`, `invalid_order`, `already_exists`… */
  readonly code: string;
  readonly message: string;
}

/** What refuses a delete: the resource type and id of one referrer. @public */
export interface Referrer {
  readonly type: string;
  readonly id: string | number;
}

/** An RFC 9457 problem the service answers with (`application/problem+json`). @internal */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: { errors?: readonly FieldError[]; referencedBy?: readonly Referrer[] } = {},
  ) {
    super(detail);
  }

  /** The JSON body; `instance` is the request path. */
  toJSON(instance: string): Record<string, unknown> {
    return {
      type: "about:blank",
      title: this.title,
      status: this.status,
      code: this.code,
      detail: this.detail,
      instance,
      ...this.extra,
    };
  }
}

/** 422 with every invalid field; the detail repeats them so a terminal shows the whole story. */
export function validationFailed(errors: readonly FieldError[]): Problem {
  const list = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  return new Problem(
    422,
    "validation_failed",
    "Validation failed",
    `${errors.length} field(s) invalid: ${list}`,
    { errors },
  );
}

/** 404 for the resource named in the path. */
export function notFound(type: string, id: string | number): Problem {
  return new Problem(404, "not_found", "Not found", `${type} ${id} does not exist`);
}

/** 409 when a delete is still referenced; the detail names the referrers. */
export function inUse(type: string, id: string | number, referencedBy: readonly Referrer[]): Problem {
  const names = referencedBy.map((r) => `${r.type} ${r.id}`).join(", ");
  return new Problem(409, "in_use", "Resource in use", `${type} ${id} is still referenced by ${names}`, {
    referencedBy,
  });
}

/** 409 for a duplicate id or name. */
export function alreadyExists(field: string, message: string): Problem {
  return new Problem(409, "already_exists", "Already exists", message, {
    errors: [{ field, code: "already_exists", message }],
  });
}
