/**
 * The README's first example is a working provider: extracted and type-stripped exactly as the pack check
 * does, run as its own process (resolving `@meterkit/allocation-client/agent` through the package's exports)
 * against the Waldur stand-in's default marketplace, which must then show its work.
 */
import { execFile, execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startWaldur } from "@meterkit/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
// @ts-expect-error: the release tooling's plain ES module
import { firstExample, toRunnableJs } from "../../../tooling/release/readme-example.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const example = path.join(root, "test", `.readme-example-${process.pid}.mjs`);

beforeAll(() => {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: root },
  );
}, 120_000);
afterAll(() => rmSync(example, { force: true }));

it("the README's provider processes the pending orders, reports usage and syncs the team", async () => {
  const w = await startWaldur();
  try {
    const source = firstExample(readFileSync(path.join(root, "README.md"), "utf8"));
    // The README promises a 20-line provider.
    expect(source.trimEnd().split("\n").length).toBeLessThanOrEqual(20);
    writeFileSync(example, toRunnableJs(source));
    const { stdout } = await promisify(execFile)(process.execPath, [example], {
      env: { ...process.env, WALDUR_URL: w.url, WALDUR_TOKEN: w.token },
      timeout: 60_000,
    });
    const pending = w.data.orders;
    expect(pending.map((o) => o.state)).toEqual(["done", "done"]);
    expect(stdout).toMatch(/^2 /);
    const resources = pending.map((o) => w.data.resources.find((r) => r.uuid === o.resource_uuid)!);
    // The example's account ids are the Create orders' UUIDs.
    expect(resources.map((r) => [r.state, r.backend_id])).toEqual(pending.map((o) => ["OK", o.uuid]));
    const period = w.data.planPeriods.find((p) => p.resource_uuid === resources[0]!.uuid)!;
    expect(period.usages.map((u) => [u.type, u.usage])).toEqual([["cpu_k_hours", "12.50"]]);
    expect(w.data.offeringUsers.map((u) => u.username).sort()).toEqual(["csc_api_user", "etais_api_user"]);
  } finally {
    await w.close();
  }
}, 120_000);
