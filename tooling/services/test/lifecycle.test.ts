import { execFile } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureServices } from "../index.js";
import { pgSimpleQuery } from "./pg-wire.js";

const SCRIPT = fileURLToPath(new URL("../services.sh", import.meta.url));
const exec = promisify(execFile);

// A workdir of its own, PostgreSQL only (a cold start takes seconds), so these checks
// never touch the shared services the other tests use.
let dir = "";
const env = () => ({ ...process.env, MK_SERVICES_DIR: dir });
const sh = (...args: string[]) => exec("bash", [SCRIPT, ...args], { env: env() });
const status = async () => (await sh("status")).stdout;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mk-services-test-"));
  // As root, PostgreSQL runs as the postgres user, which must reach the workdir.
  await chmod(dir, 0o755);
});

afterAll(async () => {
  await sh("down");
  await rm(dir, { recursive: true, force: true });
});

describe("services.sh lifecycle", () => {
  it("gives concurrent callers on an empty workdir one shared PostgreSQL", async () => {
    const [a, b] = await Promise.all([
      ensureServices(["postgres"], { servicesDir: dir }),
      ensureServices(["postgres"], { servicesDir: dir }),
    ]);
    expect(a.MK_SERVICES_DIR).toBe(dir);
    expect(b.MK_PG_URL).toBe(a.MK_PG_URL);
    expect(await pgSimpleQuery(a.MK_PG_URL!, "select 'shared'")).toBe("shared");
    expect(await status()).toContain("postgres running");
  }, 300_000);

  it("run leaves alone what was running before", async () => {
    await sh("run", "--", "true");
    expect(await status()).toContain("postgres running");
  });

  it("run stops what the command started and keeps its exit code", async () => {
    const { MK_PG_URL } = await ensureServices(["postgres"], { servicesDir: dir });
    await sh("down");
    expect(await status()).toContain("postgres stopped");
    const run = sh("run", "--", "bash", "-c", `bash '${SCRIPT}' up postgres && exit 7`);
    await expect(run).rejects.toMatchObject({ code: 7 });
    expect(await status()).toContain("postgres stopped");
    await expect(pgSimpleQuery(MK_PG_URL!, "select 1")).rejects.toThrow(/ECONNREFUSED/);
  }, 300_000);

  it("env prints no address for a stopped service", async () => {
    expect((await sh("env")).stdout).not.toContain("MK_PG_URL");
  });
});
