/** Loading the recorded exchanges (format: shared/research/wire/almanach.md §9). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface RecordedRequest {
  method: string;
  path: string;
  query_string: string;
  query: [string, string][];
  headers: string[];
  body_raw: string;
  json: unknown;
}
export interface Exchange {
  service: string;
  request: RecordedRequest;
  response: { status: number; headers: string[]; body: string };
}
export interface Capture {
  file: string;
  operation: string;
  call?: string;
  argv?: string[];
  env?: Record<string, string>;
  volatile?: string;
  exchanges: Exchange[];
  result: Record<string, unknown>;
}

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const conformanceDir =
  process.env.MK_CONFORMANCE_DIR ?? path.resolve(repoRoot, "../shared/conformance");
export const almanachDir = path.join(conformanceDir, "wire", "almanach");

export function loadCaptures(prefix?: string): Capture[] {
  return readdirSync(almanachDir)
    .filter((f) => f.endsWith(".json") && f !== "index.json" && (!prefix || f.startsWith(prefix)))
    .sort()
    .map((file) => ({
      file,
      ...(JSON.parse(readFileSync(path.join(almanachDir, file), "utf8")) as Omit<Capture, "file">),
    }));
}

/** Header value of a recorded `Name: value` list, case-insensitive. */
export function header(headers: readonly string[], name: string): string | undefined {
  const prefix = `${name.toLowerCase()}:`;
  const line = headers.find((h) => h.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}
