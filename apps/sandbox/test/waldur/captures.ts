/** The recorded python-waldur-client exchanges ($MK_CONFORMANCE_DIR/wire/waldur/, format: almanach.md §9). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Exchange {
  request: { method: string; path: string; query_string: string; headers: string[]; body_raw: string };
  response: { status: number; headers: string[]; body: string };
}
export interface Capture {
  file: string;
  call: string;
  exchanges: Exchange[];
}

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

export function loadCaptures(): Capture[] {
  const dir = path.join(
    process.env.MK_CONFORMANCE_DIR ?? path.resolve(repoRoot, "../shared/conformance"),
    "wire",
    "waldur",
  );
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== "index.json")
    .sort()
    .map((file) => ({
      file,
      ...(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Omit<Capture, "file">),
    }));
}

export function header(lines: readonly string[], name: string): string | undefined {
  const line = lines.find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(line.indexOf(":") + 1).trim();
}
