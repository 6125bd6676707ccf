/** The README's first example runs as written, against the Almanach stand-in (replay-checked against the real server). */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { type RunningAlmanach, startAlmanach } from "@meterkit/sandbox";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

let almanach: RunningAlmanach;
beforeAll(async () => {
  almanach = await startAlmanach({ token: "readme-token" });
});
afterAll(() => almanach.close());

it("runs the first example of the README", async () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const file = new URL(`./.readme-example-${process.pid}.ts`, import.meta.url);
  writeFileSync(file, code.replace('"@meterkit/ledger-client"', '"../src/index.js"'));
  vi.stubEnv("ALMANACH_URL", almanach.url);
  vi.stubEnv("ALMANACH_TOKEN", "readme-token");
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await import(file.href);
  } finally {
    rmSync(file);
    vi.unstubAllEnvs();
  }
  expect(log.mock.calls[0]?.[0]).toMatch(/^Almanach \d/);
  // The resize closed the first row and opened a second one on the new flavor.
  expect(log.mock.calls.slice(1)).toEqual([
    ["instance", "vm01", "2017-01-02T08:00:00.000Z", "2017-01-15T12:00:00.000Z"],
    ["instance", "vm01", "2017-01-15T12:00:00.000Z", "active"],
  ]);
});
