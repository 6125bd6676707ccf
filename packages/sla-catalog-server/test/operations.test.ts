/**
 * Running the service as an operator does: health and readiness, request ids in the JSON logs, a graceful
 * stop that lets in-flight requests finish, NUL refused with the field named, and the `sla-catalog-server`
 * command (serve by default, migrate, help).
 */
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { runCli } from "@meterkit/core/cli";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { program } from "../src/cli/program.js";
import { type LogEntry, type SlaCatalogServer, startSlaCatalog } from "../src/index.js";
import { ADMIN_SEED, ADMIN_TOKEN, call, templateXml } from "./fixtures.js";

const AS_ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };

const bin = new URL("../bin.js", import.meta.url).pathname;
const logs: LogEntry[] = [];
let server: SlaCatalogServer;
let origin = "";

beforeAll(async () => {
  server = await startSlaCatalog({ ...ADMIN_SEED, log: (e) => logs.push(e) });
  origin = new URL(server.url).origin;
}, 60_000);
afterAll(() => server.close());

describe("operations", () => {
  it("/healthz answers, /readyz checks the database", async () => {
    const health = await fetch(`${origin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", engine: "pglite" });
    expect((await fetch(`${origin}/readyz`, { method: "POST" })).status).toBe(405);
  });

  it("keeps the caller's request id (or makes one), answers it and logs it with the request", async () => {
    const res = await fetch(`${server.url}/parties/424242`, {
      headers: { ...AS_ADMIN, "x-request-id": "abc-123" },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).toBe("abc-123");
    const entry = logs.find((e) => e.requestId === "abc-123");
    expect(entry).toMatchObject({ level: "info", msg: "request", method: "GET", status: 404 });
    expect(entry?.path).toBe("/sla-catalog/v1/parties/424242");
    const fresh = await fetch(`${server.url}/parties/1`, {
      headers: { ...AS_ADMIN, "x-request-id": "bad id with spaces" },
    });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses U+0000 in any text field with 422 naming the field, and stores nothing", async () => {
    await call(server.url, "POST", "/parties", { id: 7001, name: "nul test" });
    const template = await call(server.url, "POST", "/templates", {
      content: templateXml("nul-1").replace("<slasoi:Text/>", "<slasoi:Text>a\u0000b</slasoi:Text>"),
      providerId: 7001,
    });
    expect(template.status).toBe(422);
    expect(template.body.errors).toEqual([
      { field: "content", code: "invalid_format", message: "must not contain U+0000 (NUL)" },
    ]);
    const party = await call(server.url, "POST", "/parties", { id: 7002, name: "a\u0000" });
    expect(party.status).toBe(422);
    expect(party.body.errors[0].field).toBe("name");
    expect((await call(server.url, "GET", "/parties/7002")).status).toBe(404);
    expect((await call(server.url, "GET", "/templates/BSLAM/a%00b")).status).toBe(400);
  });
});

describe("graceful stop", () => {
  it("an in-flight request finishes and is stored; the database closes after it", async () => {
    const own = await startSlaCatalog({ ...ADMIN_SEED });
    const url = new URL(`${own.url}/parties`);
    const body = JSON.stringify({ id: 9001, name: "in flight" });
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            ...AS_ADMIN,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 5)); // the request has started…
      setTimeout(() => req.end(body.slice(5)), 300); // …and ends after close() was called
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = own.close();
    expect(await answer).toBe(201);
    await closing;
    await expect(fetch(`${url.origin}/healthz`)).rejects.toThrow();
  });
});

describe("the sla-catalog-server command", () => {
  const io = () => {
    const out = { stdout: "", stderr: "" };
    return {
      out,
      io: { env: {}, stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) },
    };
  };
  it("--help lists serve and migrate with their environment variables, exit 0", async () => {
    const { out, io: sink } = io();
    expect(await runCli(program, ["--help"], sink)).toBe(0);
    expect(out.stdout).toMatch(/serve +Run the service/);
    expect(out.stdout).toMatch(/migrate +Apply the schema migrations/);
    expect(out.stdout).toMatch(/DATABASE_URL/);
  });
  it("migrate applies the schema once, then says it is up to date", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mk-sla-migrate-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const first = io();
    expect(await runCli(program, ["migrate", "--data-dir", dir, "--format", "json"], first.io)).toBe(0);
    expect(JSON.parse(first.out.stdout).applied.length).toBeGreaterThan(0);
    const again = io();
    expect(await runCli(program, ["migrate", "--data-dir", dir], again.io)).toBe(0);
    expect(again.out.stdout).toBe("the schema is up to date\n");
  }, 60_000);
  it("a bad --database-url is a usage error", async () => {
    const { out, io: sink } = io();
    expect(await runCli(program, ["migrate", "--database-url", "mysql://x"], sink)).toBe(2);
    expect(out.stderr).toMatch(/--database-url must be a postgres/);
  });
  it("with no command it serves closed (a token first), logs JSON lines, and stops cleanly on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mk-sla-serve-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const exec = promisify(execFile);
    // The embedded database is one process's: tokens are made while the server is stopped.
    const created = await exec(
      process.execPath,
      [bin, "token", "create", "--role", "admin", "--format", "json"],
      {
        cwd: dir,
      },
    );
    const admin = JSON.parse(created.stdout) as { token: string; id: string; role: string };
    expect(admin).toMatchObject({ role: "admin", revokedAt: null });
    expect(admin.token).toMatch(new RegExp(`^slac_${admin.id}_[A-Za-z0-9_-]{40,}$`));
    const child = spawn(process.execPath, [bin, "--port", "0"], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    const listening = await new Promise<LogEntry>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${output}`)), 30_000);
      child.stdout.on("data", () => {
        const line = output.split("\n").find((l) => l.includes('"listening"'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as LogEntry);
        }
      });
    });
    expect(listening).toMatchObject({ level: "info", engine: "pglite" });
    const base = String(listening.url);
    expect(
      (await call(base, "POST", "/parties", { id: 1, name: "anonymous" }, { authorization: "" })).status,
    ).toBe(401);
    const auth = { authorization: `Bearer ${admin.token}` };
    expect((await call(base, "POST", "/parties", { id: 1, name: "served" }, auth)).status).toBe(201);
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    const lines = output
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as LogEntry);
    expect(lines.map((l) => l.msg)).toEqual(["listening", "request", "request", "stopping", "stopped"]);
    expect(lines.map((l) => l.status).filter(Boolean)).toEqual([401, 201]);
    expect(output).not.toContain(admin.token.slice(18));
    // the data is in the data directory: a second start reads it back
    const again = await exec(process.execPath, [bin, "migrate", "--format", "json"], { cwd: dir });
    expect(JSON.parse(again.stdout)).toEqual({ applied: [] });
    // token list shows it without its secret; revoke ends it
    const listed = await exec(process.execPath, [bin, "token", "list", "--format", "json"], { cwd: dir });
    expect(listed.stdout).not.toContain(admin.token.slice(18));
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id: admin.id, role: "admin", revokedAt: null }]);
    await exec(process.execPath, [bin, "token", "revoke", admin.id], { cwd: dir });
    const revoked = await exec(process.execPath, [bin, "token", "list", "--format", "json"], { cwd: dir });
    expect(JSON.parse(revoked.stdout)[0].revokedAt).not.toBeNull();
  }, 60_000);
});
