/** Reading the recorded Waldur exchanges (format: research/wire/almanach.md §9, waldur.md §5). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface CapturedRequest {
  method: string;
  path: string;
  query_string: string;
  query: [string, string][];
  headers: string[];
  body_raw: string;
  json: unknown;
}
export interface CapturedResponse {
  status: number;
  headers: string[];
  body: string;
}
export interface Capture {
  file: string;
  reference: { repo: string; commit: string; version: string };
  operation: string;
  call: string;
  exchanges: { service: string; request: CapturedRequest; response: CapturedResponse }[];
  result: { return?: unknown; exception?: { type: string; message: string } };
}

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** `$MK_CONFORMANCE_DIR` (default `<repo>/../shared/conformance`). */
export function conformanceDir(): string {
  return process.env.MK_CONFORMANCE_DIR ?? path.resolve(repoRoot, "../shared/conformance");
}

/** Every capture file of `wire/waldur/`, sorted by name. */
export function loadCaptures(): Capture[] {
  const dir = path.join(conformanceDir(), "wire", "waldur");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== "index.json")
    .sort()
    .map((file) => ({
      file,
      ...(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Omit<Capture, "file">),
    }));
}

/** Legacy (MasterMind 5.4) captures come from python-waldur-client v0.1.x. */
export function generationOf(capture: Capture): "legacy" | "current" {
  return /^v?0\.1\./.test(capture.reference.version) ? "legacy" : "current";
}

/** The reference method the capture calls: the last `name(` of the call, ignoring the constructor. */
export function methodOf(capture: Capture): string {
  const code = capture.call.split("#")[0] ?? "";
  const method = /\.([A-Za-z_]\w*)\(/.exec(code)?.[1];
  return method ?? /([A-Za-z_]\w*)\(/.exec(code)?.[1] ?? "";
}

/** Split `Name: value` header lines. */
export function headerPairs(lines: readonly string[]): [string, string][] {
  return lines.map((line) => {
    const at = line.indexOf(":");
    return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  });
}

/** Replace `{WALDUR_PORT}` in every string of a JSON value. */
export function withPort<T>(value: T, port: number): T {
  return JSON.parse(JSON.stringify(value ?? null).replaceAll("{WALDUR_PORT}", String(port))) as T;
}
