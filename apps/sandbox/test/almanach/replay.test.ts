/**
 * Every recorded exchange with the real Almanach 4.1 server, replayed in capture order (index.json) against
 * the stand-in: same statuses, content types and bodies, ignoring the volatile `processed` timestamps.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningAlmanach, startAlmanach } from "../../src/almanach/index.js";

interface Exchange {
  service: string;
  request: { method: string; path: string; query_string: string; headers: string[]; body_raw: string };
  response: { status: number; headers: string[]; body: string };
}

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const dir = path.join(
  process.env.MK_CONFORMANCE_DIR ?? path.resolve(repoRoot, "../shared/conformance"),
  "wire",
  "almanach",
);
const files = (JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as { file: string }[]).map(
  (e) => e.file,
);
const steps = files.flatMap((file) => {
  const capture = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { exchanges: Exchange[] };
  return capture.exchanges
    .filter((e) => e.service === "almanach")
    .map((e, i) => [`${file} #${i} ${e.request.method} ${e.request.path}`, e] as const);
});

const header = (headers: string[], name: string) =>
  headers.find((h) => h.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.replace(/^[^:]+:\s*/, "");

function withoutProcessed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProcessed);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== "processed")
      .map(([k, v]) => [k, withoutProcessed(v)]),
  );
}

const TOKEN = "stand-in-secret";
let almanach: RunningAlmanach;
beforeAll(async () => {
  almanach = await startAlmanach({ token: TOKEN });
});
afterAll(() => almanach.close());

describe("Almanach stand-in replays the real server's captures", () => {
  it("has captures", () => expect(steps.length).toBeGreaterThan(50));

  // Sequential on purpose: the captures are one lifecycle on one server (the info counts at the end prove it).
  it.each(steps)("%s", async (_name, exchange) => {
    const rec = exchange.request;
    const headers: Record<string, string> = {};
    const type = header(rec.headers, "Content-Type");
    if (type) headers["content-type"] = type;
    // Tokens are redacted in the captures: a recorded 401 means a wrong token was sent.
    const token = header(rec.headers, "X-Auth-Token");
    if (token !== undefined)
      headers["x-auth-token"] = exchange.response.status === 401 ? "wrong-token" : TOKEN;
    const auth = header(rec.headers, "Authorization");
    if (auth !== undefined) headers.authorization = `Bearer ${TOKEN}`;
    const url = `${almanach.url}${rec.path}${rec.query_string ? `?${rec.query_string}` : ""}`;
    const hasBody = rec.body_raw !== "" && rec.method !== "GET" && rec.method !== "HEAD";
    const response = await fetch(url, {
      method: rec.method,
      headers,
      ...(hasBody ? { body: rec.body_raw } : {}),
    });
    const text = await response.text();

    expect(response.status).toBe(exchange.response.status);
    expect(response.headers.get("content-type")).toBe(header(exchange.response.headers, "Content-Type"));
    if (/json/.test(response.headers.get("content-type") ?? "")) {
      expect(withoutProcessed(JSON.parse(text))).toEqual(
        withoutProcessed(JSON.parse(exchange.response.body)),
      );
      // Same bytes too (key order, separators, date format), once `processed` is aligned.
      const aligned = text.replace(/"processed": "[^"]*"/g, '"processed": "X"');
      expect(aligned).toBe(exchange.response.body.replace(/"processed": "[^"]*"/g, '"processed": "X"'));
    } else {
      expect(text).toBe(exchange.response.body);
    }
  });
});
