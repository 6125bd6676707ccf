import type { IncomingMessage } from "node:http";
import { type FieldError, Problem, validationFailed } from "./problem.js";

const MAX_BODY = 2 * 1024 * 1024;

/** Reads a JSON request body (an empty body is `{}`); 400 when it is not JSON, 415 for other media types. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new Problem(413, "too_large", "Payload too large", `the body exceeds ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  const type = req.headers["content-type"] ?? "application/json";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new Problem(
      415,
      "unsupported_media_type",
      "Unsupported media type",
      `expected application/json, got ${type}`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new Problem(400, "bad_request", "Bad request", "the body is not valid JSON");
  }
  const nul = nulFields(body, "");
  if (nul.length > 0) throw validationFailed(nul);
  return body;
}

/**
 * PostgreSQL cannot store U+0000 in text (and PGlite refuses it the same way), so a NUL anywhere in the body
 * is refused up front with the field it is in, instead of failing in the database with a 500.
 */
function nulFields(value: unknown, path: string): FieldError[] {
  if (typeof value === "string") {
    return value.includes("\u0000")
      ? [{ field: path || "(body)", code: "invalid_format", message: "must not contain U+0000 (NUL)" }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => nulFields(v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k.includes("\u0000")
        ? [{ field: path || "(body)", code: "invalid_format", message: "has a key with U+0000 (NUL)" }]
        : []),
      ...nulFields(v, path ? `${path}.${k}` : k),
    ]);
  }
  return [];
}
