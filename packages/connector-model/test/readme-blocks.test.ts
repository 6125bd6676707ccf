import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { codeBlocks, readmeRunner } from "../../../tooling/readme-blocks/index.js";

// Every ```ts block of the README runs exactly as written, the package imports pointed at src/, in a scratch
// working directory. The blocks that talk to CMP and a provider read their URLs from the environment, as a
// connector does (CMP_URL, PROVIDER_URL): here a real HTTP server on 127.0.0.1 answers both.
const readme = new URL("../README.md", import.meta.url);
const blocks = codeBlocks(readme);
const runner = readmeRunner({
  near: import.meta.url,
  imports: {
    "@meterkit/connector-model/testing": "../src/testing/index.ts",
    "@meterkit/connector-model/schemas": "../src/schemas/index.ts",
    "@meterkit/connector-model": "../src/index.ts",
  },
});
const received: string[] = [];
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(req.url === "/servers" ? "[]" : "null");
  });
});
const saved = { ...process.env };
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    CMP_URL: `${origin}/api`,
    CMP_TOKEN: "readme-token-canary",
    PROVIDER_URL: origin,
    DEBUG_VCR: "", // the testing block records its cassette into the scratch directory
  });
});
afterAll(async () => {
  process.env = saved;
  runner.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("README code blocks run as written", () => {
  it("has blocks", () => expect(blocks.length).toBeGreaterThan(5));
  const printed: unknown[][] = [];
  blocks.forEach((code, index) => {
    it(`block ${index + 1}`, async () => {
      for (const method of ["log", "info"] as const) {
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args));
      }
      await runner.run(code);
    });
  });

  it("no block prints an empty line (the original's logger.info('') through `logger: console`)", () => {
    expect(printed.filter((args) => args.length === 0 || args.join(" ") === "")).toEqual([]);
  });

  it("has a For Python readers table mapping the original's idioms", () => {
    const text = readFileSync(readme, "utf8");
    const section = text.slice(
      text.indexOf("## For Python readers"),
      text.indexOf("## Python → TypeScript names"),
    );
    for (const idiom of [
      "keyword arguments",
      "`None`",
      "connectorHandler",
      "await setTaskPercentage",
      "vcrCassetteContext",
    ]) {
      expect(section).toContain(idiom);
    }
  });

  it("the blocks that send did reach CMP and the provider", () => {
    expect(received).toEqual(
      expect.arrayContaining([
        "POST /api/tasks/task-1/update",
        "PATCH /api/accounts/A/resource",
        "POST /api/logs",
        "GET /servers",
      ]),
    );
  });

  it("the documented cassette format is what the testing block recorded", () => {
    const [documented] = codeBlocks(readme, "json").map((text) => JSON.parse(text));
    const recorded = JSON.parse(readFileSync(path.join(runner.scratch, "vcr.cassette.json"), "utf8"));
    expect(Object.keys(recorded)).toEqual(Object.keys(documented));
    expect(recorded.version).toBe(documented.version);
    const exchange = recorded.exchanges.find((e: { request: { url: string } }) =>
      e.request.url.endsWith("/tasks/task-1/update"),
    );
    const want = documented.exchanges[0];
    want.request.url = `${process.env.CMP_URL}/tasks/task-1/update`;
    expect(exchange).toEqual(want);
    expect(JSON.stringify(recorded)).not.toContain("readme-token-canary");
  });
});
