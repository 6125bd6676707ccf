import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { redactHeaders, redactJson, redactUrl } from "../redact.js";

/**
 * One recorded request/response pair, secrets already redacted (`<redacted>`).
 * - `request.url`: the absolute URL sent, secret-named query values redacted.
 * - `request.headers`: only `accept`, `content-type`, `authorization`, `x-auth-token`, `x-subject-token`
 *   (lower-case; credentials redacted after their scheme, `Bearer <redacted>`).
 * - `request.body` (absent without a body) and `response.body`: `{ "json": value }` when the text is JSON
 *   (secret-named fields redacted), else the text itself (`""` for none).
 * - `response.headers`: lower-case, without `date`, `connection`, `keep-alive`, `transfer-encoding`,
 *   `content-length`.
 * @public
 */
export interface RecordedExchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

/**
 * The file format: `{ "version": 1, "exchanges": [...] }`, JSON, exchanges in the order they completed
 * (a new episode is appended at the end). Hand-editable: replay reads only what {@link RecordedExchange} lists.
 * @public
 */
export interface Cassette {
  version: 1;
  exchanges: RecordedExchange[];
}

/** Headers worth keeping in a cassette (the rest is transport noise). */
const KEPT_REQUEST_HEADERS = /^(accept|content-type|authorization|x-auth-token|x-subject-token)$/i;

/** Read a cassette file. @internal */
export function readCassette(file: string): Cassette {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Cassette;
  if (parsed.version !== 1 || !Array.isArray(parsed.exchanges)) {
    throw new Error(`[@meterkit/core/testing] ${file} is not a version 1 cassette`);
  }
  return parsed;
}

/** Write a cassette atomically (temp file + rename), so a crash never leaves half a file. @internal */
export function writeCassette(file: string, cassette: Cassette): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(cassette, null, 2)}\n`);
  renameSync(tmp, file);
}

/** A body as JSON when it parses, text otherwise, secrets redacted. @internal */
export function storedBody(text: string): unknown {
  if (text === "") return "";
  try {
    return { json: redactJson(JSON.parse(text)) };
  } catch {
    return redactJson(text);
  }
}

/** The text a stored body replays as. @internal */
export function bodyText(stored: unknown): string {
  if (stored && typeof stored === "object" && "json" in stored)
    return JSON.stringify((stored as { json: unknown }).json);
  return typeof stored === "string" ? stored : "";
}

/** The redacted, comparable form of a request. @internal */
export function recordRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
): RecordedExchange["request"] {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (KEPT_REQUEST_HEADERS.test(name)) kept[name.toLowerCase()] = value;
  const request: RecordedExchange["request"] = { method, url: redactUrl(url), headers: redactHeaders(kept) };
  if (body !== undefined && body !== "") request.body = storedBody(body);
  return request;
}

/** Response headers minus hop-by-hop noise, secrets redacted. @internal */
export function recordResponseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!/^(date|connection|keep-alive|transfer-encoding|content-length)$/i.test(name))
      out[name.toLowerCase()] = value;
  }
  return redactHeaders(out);
}
