/** One request to Almanach with the reference's status rule, and the shared input schemas. */
import {
  type CallOptions,
  type HttpClient,
  type HttpMethod,
  InvalidInputError,
  isSdkError,
  type QueryValue,
  type Schema,
} from "@meterkit/core";
import { z } from "zod";
import { type DateInput, type Instant, toInstant } from "./dates.js";
import { AlmanachHttpError } from "./errors.js";

/** What every operation needs: the HTTP client and the clock used for "now" defaults. @internal */
export interface AlmanachContext {
  readonly http: HttpClient;
  readonly now: () => Date;
}

/** The package name, prefixed to every error message. @internal */
export const PKG = "@meterkit/ledger-client";

// The reference accepts exactly one status per method (almanach.md §1): anything else, 2xx included, fails.
const EXPECTED: Record<string, number> = { GET: 200, PUT: 200, POST: 201, DELETE: 202 };

/** @internal */
export interface AlmanachRequest<T> {
  method: HttpMethod;
  path: string;
  pathParams?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema?: Schema<T>;
}

/** Send one request; returns the parsed body, or throws `AlmanachHttpError` on any unexpected status. @internal */
export async function send<T>(
  ctx: AlmanachContext,
  request: AlmanachRequest<T>,
  options?: CallOptions,
): Promise<T> {
  const expected = EXPECTED[request.method] ?? 200;
  try {
    const response = await ctx.http.request<T>({
      ...options,
      method: request.method,
      path: request.path,
      pathParams: request.pathParams,
      query: request.query,
      body: request.body,
      // The body is only validated on the expected status; other statuses are reported as errors below.
      schema: request.schema,
    });
    if (response.status !== expected) {
      throw new AlmanachHttpError({
        status: response.status,
        method: request.method,
        url: response.url,
        body: response.data,
        headers: response.headers,
      });
    }
    return response.data;
  } catch (error) {
    if (isSdkError(error, "http_error") && !(error instanceof AlmanachHttpError)) {
      const e = error as unknown as {
        status: number;
        method: string;
        url: string;
        body: unknown;
        headers: Record<string, string>;
      };
      throw new AlmanachHttpError({
        status: e.status,
        method: e.method,
        url: e.url,
        body: e.body,
        headers: e.headers,
      });
    }
    throw error;
  }
}

/** Validate an operation's input; the error names the field. @internal */
export function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  // zod reports unknown keys on the parent object; name each key instead, so `field` is the culprit.
  const issues = result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          path: [...issue.path.map(String), key],
          message: "is not a field of this operation",
        }))
      : [{ path: issue.path.map((k) => (typeof k === "number" ? k : String(k))), message: issue.message }],
  );
  throw new InvalidInputError(issues, { package: PKG });
}

/** A non-empty id (path segment or body value). @internal */
export const Id = z.string({ error: "must be a string" }).min(1, "must not be empty");

/** A `Date` or an ISO 8601 string, converted to a UTC instant. @internal */
export const DateField = z
  .union([
    z.date({ error: "must be a valid Date" }),
    z.string({ error: "must be a Date or an ISO 8601 string" }),
  ])
  .transform((value: DateInput, ctx): Instant => {
    const instant = toInstant(value);
    if (instant) return instant;
    ctx.addIssue({ code: "custom", message: "must be a valid Date or an ISO 8601 date string" });
    return z.NEVER;
  });

/** A size in GB: a non-negative integer (the reference CLI sent strings; the server stores what it gets). @internal */
export const Size = z
  .number({ error: "must be a number" })
  .int("must be an integer")
  .nonnegative("must not be negative");

/** A list of instance ids. @internal */
export const Attachments = z.array(Id, { error: "must be an array of instance ids" });

/** The instant to send: the given one or now. @internal */
export function orNow(ctx: AlmanachContext, instant: Instant | undefined): Instant {
  return instant ?? { ms: ctx.now().getTime(), micros: 0 };
}
