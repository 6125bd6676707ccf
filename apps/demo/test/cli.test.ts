/** The demo's command line: --help, bad options (exit 2) and a failing step (exit 1, says which, cleans up). */

import { mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, inject, it } from "vitest";
import { parseOptions, UsageError } from "../src/cli/options.js";
import type { DemoReport } from "../src/report/model.js";
import { startDemo } from "./support/run-demo.js";

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it("prints the help and exits 0", async () => {
  const demo = startDemo(["--help"]);
  expect(await demo.exited).toBe(0);
  expect(demo.stdout()).toContain("--almanach-url URL");
  expect(demo.stdout()).toContain("--keep-running");
});

it("refuses bad options with exit status 2 and names the option", async () => {
  const demo = startDemo(["--month", "2026-13"]);
  expect(await demo.exited).toBe(2);
  expect(demo.stderr()).toContain("--month must be YYYY-MM");
  const unknown = startDemo(["--frobnicate"]);
  expect(await unknown.exited).toBe(2);
  expect(unknown.stderr()).toContain("--frobnicate");
});

it("parses flags over the environment, and checks what belongs together", () => {
  const env = { MK_DEMO_ALMANACH_URL: "http://env.example", MK_DEMO_ALMANACH_TOKEN: "t" };
  const o = parseOptions(["--almanach-url", "http://flag.example:8000"], env);
  expect(o.almanach).toEqual({ url: "http://flag.example:8000", token: "t" });
  // pnpm passes the `--` of `pnpm demo -- --month 2026-01` through.
  expect(parseOptions(["--", "--month", "2026-01"], {}).month).toBe("2026-01");
  expect(() => parseOptions(["--waldur-url", "http://w.example/api/"], {})).toThrow(/--waldur-token/);
  expect(() => parseOptions(["--cloudkitty-url", "ftp://x"], {})).toThrow(UsageError);
  expect(() => parseOptions(["--keystone-url", "http://k.example/v3"], {})).toThrow(/--keystone-user/);
});

it("exits 1 naming the failed step when a service is unreachable, and still writes the report", async () => {
  const out = await mkdtemp(join(tmpdir(), "meterkit-demo-fail-"));
  const port = await closedPort();
  const demo = startDemo(
    [
      "--out",
      out,
      "--no-cloudkitty",
      "--almanach-url",
      `http://127.0.0.1:${port}`,
      "--almanach-token",
      "s3cret-token",
    ],
    { MK_PG_URL: inject("services").MK_PG_URL },
  );
  expect(await demo.exited).toBe(1);
  expect(demo.stderr()).toMatch(
    /step "Record lifecycles in Almanach \(ledger-client\)" failed: .*127\.0\.0\.1/,
  );
  expect(demo.stderr() + demo.stdout()).not.toContain("s3cret-token");
  const report = JSON.parse(await readFile(join(out, "report.json"), "utf8")) as DemoReport;
  expect(report.steps.map((s) => [s.id, s.status])).toEqual([
    ["inventory", "ok"],
    ["metrics", "ok"],
    ["ledger", "failed"],
  ]);
});
