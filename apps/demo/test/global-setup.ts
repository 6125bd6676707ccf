/**
 * Before the tests: the real CloudKitty (shared, started once by `@meterkit/services`), Chromium for the
 * screenshot (Debian's `chromium`, installed here when missing and we are root), and a fresh build of the
 * demo, which the tests run as a newcomer would: `node dist/main.js`.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ensureServices } from "@meterkit/services";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    services: Record<string, string>;
    chromium: string;
  }
}

const run = promisify(execFile);
const DEMO_DIR = fileURLToPath(new URL("../", import.meta.url));

async function findChromium(): Promise<string | undefined> {
  for (const path of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(path)) return path;
  return undefined;
}

async function ensureChromium(): Promise<string> {
  const found = await findChromium();
  if (found) return found;
  if (process.getuid?.() !== 0)
    throw new Error(
      "[@meterkit/demo] the screenshot test needs Chromium: apt-get install chromium (as root)",
    );
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const lock = ["-o", "DPkg::Lock::Timeout=600"];
  await run("apt-get", [...lock, "update", "-qq"], { env });
  await run("apt-get", [...lock, "install", "-y", "-qq", "--no-install-recommends", "chromium"], {
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const installed = await findChromium();
  if (!installed)
    throw new Error("[@meterkit/demo] apt-get installed chromium but /usr/bin/chromium is missing");
  return installed;
}

/** The newest modification time under `dir` (ms). */
async function newest(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).mtimeMs),
  );
  return Math.max(0, ...times);
}

/** Builds the demo unless dist/ is newer than every source file (`pnpm test` has built it already). */
async function buildDemo(): Promise<void> {
  const main = join(DEMO_DIR, "dist", "main.js");
  if (existsSync(main) && (await stat(main)).mtimeMs >= (await newest(join(DEMO_DIR, "src")))) return;
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  await run(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: DEMO_DIR });
}

export default async function setup(project: TestProject): Promise<void> {
  const [services, chromium] = await Promise.all([
    ensureServices(["cloudkitty"]),
    ensureChromium(),
    buildDemo(),
  ]);
  project.provide("services", services);
  project.provide("chromium", chromium);
}
