import type { IncomingMessage } from "node:http";
import { Problem } from "./problem.js";

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
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Problem(400, "bad_request", "Bad request", "the body is not valid JSON");
  }
}
