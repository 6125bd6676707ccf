/** CLI behaviour that the captures do not cover: help, usage errors, exit codes, JSON output, env vs flags. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { EXIT } from "@meterkit/core/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as runCli } from "../src/cli/index.js";

let server: Server;
let url = "";
const seen: { url: string | undefined; token: unknown; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString();
    });
    req.on("end", () => {
      seen.push({ url: req.url, token: req.headers["x-auth-token"], body });
      if (req.url === "/v1/info")
        res
          .writeHead(200, { "content-type": "application/json" })
          .end('{"database": {"active_entities": 1, "all_entities": 2}, "info": {"version": "4.1.0"}}');
      else if (req.url === "/v1/volume_types")
        res.writeHead(200, { "content-type": "application/json" }).end("[]");
      else if (req.url === "/v1/entity/boom")
        res.writeHead(500, { "content-type": "application/json" }).end('{"error": "Internal failure"}');
      else
        res
          .writeHead(({ POST: 201, DELETE: 202 } as Record<string, number>)[req.method ?? ""] ?? 200, {
            "content-type": "text/html; charset=utf-8",
          })
          .end("");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function run(
  argv: string[],
  env: Record<string, string> = { ALMANACH_URL: url, ALMANACH_TOKEN: "env-token" },
) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    env,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

describe("almanach CLI", () => {
  it("--help lists every command of the reference and exits 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const name of [
      "version",
      "endpoint",
      "list-entities",
      "get-entity",
      "list-instances",
      "create-instance",
      "update-instance",
      "delete-instance",
      "resize-instance",
      "list-volumes",
      "create-volume",
      "delete-volume",
      "resize-volume",
      "attach-volume",
      "detach-volume",
      "list-volume-types",
      "get-volume-type",
      "create-volume-type",
      "delete-volume-type",
    ]) {
      expect(stdout).toContain(`  ${name} `);
    }
    for (const variable of [
      "OS_AUTH_URL",
      "OS_REGION_NAME",
      "OS_USERNAME",
      "OS_PASSWORD",
      "ALMANACH_SERVICE",
      "ALMANACH_TOKEN",
      "ALMANACH_URL",
    ])
      expect(stdout).toContain(variable);
  });

  it("<command> --help shows its arguments", async () => {
    const { code, stdout } = await run(["create-volume", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "usage: almanach create-volume tenant_id volume_id volume_type_id volume_name volume_size [options]",
    );
    expect(stdout).toContain("--attachment");
  });

  it("--version prints the package version and exits 0", async () => {
    const { code, stdout } = await run(["--version"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^almanach \d+\.\d+\.\d+/);
  });

  it.each([
    [["nope"], /unknown command 'nope'/],
    [["get-entity"], /needs entity_id/],
    [["get-entity", "a", "b"], /unexpected argument 'b'/],
    [["version", "--end", "x"], /unknown option '--end'/],
    [
      ["list-volumes", "t", "2016-01-01", "2017-01-01", "--format", "xml"],
      /--format must be table, json, csv, value/,
    ],
    [["list-volumes", "--bogus"], /bogus/],
    [["update-instance", "i"], /at least one of/],
  ])("usage error %j: one line on stderr, exit 2", async (argv, message) => {
    const before = seen.length;
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(EXIT.usage);
    expect(seen.length, "nothing sent").toBe(before);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("bad input is refused before sending, exit 3, naming the field", async () => {
    const before = seen.length;
    const { code, stderr } = await run(["resize-volume", "v", "five"]);
    expect(code).toBe(EXIT.invalid);
    expect(stderr).toMatch(/size/);
    expect(seen.length).toBe(before);
  });

  it("flags override the environment", async () => {
    const { code, stdout } = await run(["version", "--almanach-token", "flag-token"]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: "4.1.0\n" });
    expect(seen.at(-1)?.token).toBe("flag-token");
  });

  it("--format json prints the typed result", async () => {
    const { code, stdout } = await run(["version", "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      info: { version: "4.1.0" },
      database: { activeEntities: 1, allEntities: 2 },
    });
    expect(JSON.parse((await run(["create-volume-type", "id", "name", "--format", "json"])).stdout)).toEqual({
      success: true,
    });
  });

  it("an empty list prints an empty line, like the reference", async () => {
    await expect(run(["list-volume-types"])).resolves.toEqual({ code: 0, stdout: "\n", stderr: "" });
  });

  it("accepts the reference's two-word 'update instance'", async () => {
    const { code } = await run(["update", "instance", "i-1", "--name", "n"]);
    expect(code).not.toBe(EXIT.usage);
    expect(seen.at(-1)?.url).toBe("/v1/entity/instance/i-1");
  });

  it("--format json prints exactly the result data, also for a success line", async () => {
    const { code, stdout, stderr } = await run(["list-volume-types", "--format", "json"]);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
  });

  it("a 5xx exits 6 with one line naming the server's message", async () => {
    const { code, stdout, stderr } = await run(["get-entity", "boom"]);
    expect({ code, stdout }).toEqual({ code: EXIT.unavailable, stdout: "" });
    expect(stderr).toMatch(/^almanach get-entity: .*Internal failure \(500\)/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("sends sizes as integers and repeated --attachment as a list", async () => {
    await run([
      "create-volume",
      "t",
      "v",
      "vt",
      "name",
      "5",
      "--attachment",
      "a",
      "--attachment=b",
      "--start",
      "2017-01-02",
    ]);
    expect(JSON.parse(seen.at(-1)?.body ?? "")).toEqual({
      volume_id: "v",
      volume_type: "vt",
      volume_name: "name",
      size: 5,
      attached_to: ["a", "b"],
      start: "2017-01-02T00:00:00.000000Z",
    });
  });

  it("without ALMANACH_URL/TOKEN and Keystone settings, says what is missing", async () => {
    const { code, stderr } = await run(["version"], {});
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/OS_AUTH_URL, OS_USERNAME, OS_PASSWORD/);
  });
});
