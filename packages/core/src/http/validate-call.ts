/**
 * Checks on what core itself puts on the wire, so a bad method, header or timeout is an
 * `InvalidInputError` naming the field before anything is sent (undici would refuse it too, but as an
 * untyped argument error that looks like a network failure).
 */
import { InvalidInputError, type ValidationIssue } from "../errors.js";

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/; // RFC 9110 field-name
const BAD_VALUE = /[\r\n\0]/; // header injection and request smuggling

/** @internal */
export function headerIssues(
  headers: Readonly<Record<string, string>> | undefined,
  root: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!TOKEN.test(name)) issues.push({ path: [root, name], message: "is not a valid header name" });
    else if (typeof value !== "string") issues.push({ path: [root, name], message: "must be a string" });
    else if (BAD_VALUE.test(value))
      issues.push({ path: [root, name], message: "must not contain CR, LF or NUL" });
  }
  return issues;
}

/** @internal */
export function timeoutIssues(timeoutMs: unknown, root: string): ValidationIssue[] {
  if (timeoutMs === undefined) return [];
  return typeof timeoutMs === "number" && Number.isFinite(timeoutMs) && timeoutMs > 0
    ? []
    : [{ path: [root], message: "must be a positive number of milliseconds" }];
}

/** @internal */
export function assertValidCall(
  call: { method: unknown; headers?: Readonly<Record<string, string>> | undefined; timeoutMs?: unknown },
  pkg?: string,
): void {
  const issues: ValidationIssue[] = [];
  if (typeof call.method !== "string" || !METHODS.has(call.method)) {
    issues.push({ path: ["method"], message: `must be one of ${[...METHODS].join(", ")}` });
  }
  issues.push(...headerIssues(call.headers, "headers"), ...timeoutIssues(call.timeoutMs, "timeoutMs"));
  if (issues.length) throw new InvalidInputError(issues, pkg ? { package: pkg } : {});
}

/** @internal */
export function assertValidClientOptions(o: {
  headers?: Readonly<Record<string, string>> | undefined;
  userAgent?: unknown;
  timeoutMs?: unknown;
}): void {
  const issues = [...headerIssues(o.headers, "headers"), ...timeoutIssues(o.timeoutMs, "timeoutMs")];
  if (o.userAgent !== undefined && (typeof o.userAgent !== "string" || BAD_VALUE.test(o.userAgent))) {
    issues.push({ path: ["userAgent"], message: "must be a string without CR, LF or NUL" });
  }
  if (issues.length) throw new InvalidInputError(issues);
}
