/**
 * The built executable's start (tooling/build/bundle-cli.mjs, cli/start.mjs): bin.js runs one bundle with a
 * V8 code cache in the user's cache directory. Each test runs bin.js as a process with its own
 * XDG_CACHE_HOME, so a cache is written, read back, replaced or left out as it would be for a user.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin.js", import.meta.url));
const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
const CORE_VERSION = (
  JSON.parse(
    readFileSync(new URL("../node_modules/@meterkit/core/package.json", import.meta.url), "utf8"),
  ) as {
    version: string;
  }
).version;
const homes: string[] = [];

function freshHome(): string {
  const home = mkdtempSync(join(tmpdir(), "mk-cli-start-"));
  homes.push(home);
  return home;
}

function almanach(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? "", ...env } },
      (e, out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, out, err }),
    );
  });
}

const cacheDir = (home: string) => join(home, "meterkit", "v8-cache");

let server: Server;
let url = "";
const userAgents: (string | undefined)[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    userAgents.push(req.headers["user-agent"]);
    req.resume().on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("[]"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

describe("bin.js start-up (bundle and code cache)", () => {
  it("writes one code cache on the first run and reads it back, unchanged, on the next", async () => {
    const home = freshHome();
    const first = await almanach(["--version"], { XDG_CACHE_HOME: home });
    expect(first).toEqual({ code: 0, out: `almanach ${VERSION}\n`, err: "" });
    const files = readdirSync(cacheDir(home));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(
      new RegExp(`^ledger-client-[0-9a-f]{16}-${process.version}-${process.arch}\\.bin$`),
    );
    const path = join(cacheDir(home), files[0] as string);
    const written = readFileSync(path);
    const mtime = statSync(path).mtimeMs;
    expect(written.length).toBeGreaterThan(0);

    // V8 accepted it (data it rejects, say for other flags, is written again at exit).
    const second = await almanach(["--version"], { XDG_CACHE_HOME: home });
    expect(second).toEqual(first);
    expect(readdirSync(cacheDir(home))).toEqual(files);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(readFileSync(path).equals(written)).toBe(true);
  });

  it("sends requests with core's own version in the User-Agent (a build-time constant in the bundle)", async () => {
    const result = await almanach(["list-volume-types", "--format", "json"], {
      XDG_CACHE_HOME: freshHome(),
      ALMANACH_URL: url,
      ALMANACH_TOKEN: "secret",
    });
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(JSON.parse(result.out)).toEqual([]);
    expect(userAgents.at(-1)).toContain(`@meterkit/core/${CORE_VERSION} node/${process.versions.node}`);
  });

  it("replaces a damaged cache and removes an earlier build's, leaving other programs' files alone", async () => {
    const home = freshHome();
    await almanach(["--version"], { XDG_CACHE_HOME: home });
    const [current] = readdirSync(cacheDir(home)) as [string];
    writeFileSync(join(cacheDir(home), current), "not V8 data");
    const stale = `ledger-client-0000000000000000-${process.version}-${process.arch}.bin`;
    writeFileSync(join(cacheDir(home), stale), "an earlier build");
    writeFileSync(join(cacheDir(home), "sla-catalog-client-0000000000000000-v0-x.bin"), "another CLI");

    const result = await almanach(["--version"], { XDG_CACHE_HOME: home });
    expect(result).toEqual({ code: 0, out: `almanach ${VERSION}\n`, err: "" });
    expect(readdirSync(cacheDir(home)).sort()).toEqual(
      [current, "sla-catalog-client-0000000000000000-v0-x.bin"].sort(),
    );
    expect(readFileSync(join(cacheDir(home), current), "utf8")).not.toBe("not V8 data");
  });

  it("runs as usual, silently, when the cache cannot be written or is turned off", async () => {
    const home = freshHome();
    const blocked = join(home, "a-file");
    writeFileSync(blocked, "");
    expect(await almanach(["--version"], { XDG_CACHE_HOME: blocked })).toEqual({
      code: 0,
      out: `almanach ${VERSION}\n`,
      err: "",
    });

    expect(await almanach(["--version"], { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: "1" })).toEqual({
      code: 0,
      out: `almanach ${VERSION}\n`,
      err: "",
    });
    expect(readdirSync(home)).toEqual(["a-file"]);
  });

  it("keeps errors one line on stderr with the usual exit code", async () => {
    const result = await almanach(["no-such-command"], { XDG_CACHE_HOME: freshHome() });
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/^almanach: unknown command 'no-such-command'/);
  });
});
