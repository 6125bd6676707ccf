/**
 * Bad flags for every CLI (`almanach`, `sla-catalog`, `hashmap`): the built bin runs as a child process
 * against a recording server and must exit non-zero, name the flag or argument on stderr, and send nothing.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { CliProgram } from "@meterkit/core/cli";
import { program as almanachProgram } from "@meterkit/ledger-client/cli";
import { program as hashmapProgram } from "@meterkit/rating-hashmap-client/cli";
import { program as slaCatalogProgram } from "@meterkit/sla-catalog-client/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RecordingServer, startRecordingServer } from "../../src/bad-input/recording-server.js";
import { Tally } from "../../src/bad-input/tally.js";

const require = createRequire(import.meta.url);
function bin(pkg: string): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const bins = JSON.parse(readFileSync(manifest, "utf8")).bin as Record<string, string>;
  return join(dirname(manifest), Object.values(bins)[0] as string);
}
function run(file: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [file, ...args],
      { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: typeof error?.code === "number" ? error.code : error ? 1 : 0, stdout, stderr }),
    );
  });
}

let server: RecordingServer;
const tally = new Tally();
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(async () => {
  console.log(tally.render("bad input: CLIs"));
  await server.close();
});

const U = "6f7c1d5e-0000-4000-8000-000000000001";
type Row = readonly [args: string[], names: RegExp];
const CLIS: {
  name: string;
  pkg: string;
  env: () => Record<string, string>;
  args: () => string[];
  rows: Row[];
}[] = [
  {
    name: "almanach",
    pkg: "@meterkit/ledger-client",
    env: () => ({ ALMANACH_URL: server.url, ALMANACH_TOKEN: "t0ken" }),
    args: () => [],
    rows: [
      [["list-entities", "t1", "not-a-date"], /start/],
      [["list-instances", "t1", "2017-02-30", "2017-03-01"], /start/],
      [["list-volumes", "t1", "2017-01-01", "2017-13-01"], /end/],
      [["create-volume", "t", "v", "vt", "disk", "-5"], /size|'-5'/],
      [["create-volume", "t", "v", "vt", "disk", "1e3"], /size/],
      [["resize-volume", "v", "1.5"], /size/],
      [["get-entity", ".."], /\bid\b|entity/],
      [["get-entity", ""], /\bid\b|entity/],
      [["create-instance", "t", "i", "n", "f", "2017-01-01", "--image-meta", "{bad json"], /image-meta/],
      [["delete-instance", "i", "--end", "yesterday"], /end/],
      [["attach-volume", "v", "--date", "2017-01-01' OR 1=1 --"], /date/],
      [["list-volume-types", "--format", "xml"], /format/],
      [["list-volume-types", "--bogus"], /bogus/],
      [["get-volume-type"], /volume_type_id/],
      [["update-instance", "i"], /--start|--name/],
    ],
  },
  {
    name: "sla-catalog",
    pkg: "@meterkit/sla-catalog-client",
    env: () => ({}),
    args: () => ["-url", `${server.url}/sla-catalog/v1`],
    rows: [
      [["ApproveParty", "-p", "0x10", "-b", "1", "-cl", "1"], /-p\b/],
      [["ApproveParty", "-p", "1", "-b", "ten", "-cl", "1"], /-b\b/],
      [["ApproveParty", "-p", "1", "-b", "1"], /-cl\b/],
      [["ApproveParty", "-p", "99999999999", "-b", "1", "-cl", "1"], /-p\b/],
      [["GetProductList", "-format", "xml"], /format/],
      [["GetProductList", "-zz"], /-zz/],
      [["AddProduct", "-p", "1"], /-n\b/],
      // 100 KB: a single argv entry cannot hold 1 MB (E2BIG), and the catalog caps names at 255 anyway.
      [["AddProduct", "-p", "1", "-n", "x".repeat(100 * 1024)], /name|-n\b/],
      // A flag missing its value is named, also when the next word is another flag; a repeat is refused.
      [["AddProduct", "-p", "-n", "ProductName"], /-p needs a value/],
      [["AddProduct", "-p", "1", "-n", "A", "-n", "B"], /-n given twice/],
    ],
  },
  {
    name: "hashmap",
    pkg: "@meterkit/rating-hashmap-client",
    env: () => ({ CLOUDKITTY_URL: server.url }),
    args: () => [],
    rows: [
      [["services", "get", "../x"], /service/i],
      [["fields", "list", "a?b"], /service/i],
      [["mappings", "create", "--service-id", U, "--cost", "ten"], /cost/],
      [["mappings", "create", "--service-id", U, "--cost", "1", "--type", "free"], /type/],
      [["thresholds", "create", "--service-id", U, "--cost", "1", "--level", "NaN"], /level/],
      [["mappings", "list"], /service_id/],
      [["quote", "--service", "instance", "--volume", "abc"], /volume/],
      [["module", "priority", "1.5"], /priority/],
      [["services", "list", "--format", "xml"], /format/],
      [["services", "list", "--bogus"], /bogus/],
    ],
  },
];

describe("CLIs: bad flags are refused before anything is sent", () => {
  for (const cli of CLIS) {
    describe(cli.name, () => {
      it.each(cli.rows.map((r) => [r[0].join(" ").slice(0, 80), r] as const))(
        "%s",
        async (_t, [args, names]) => {
          server.reset();
          // Tool or command first, then the connection flags (sla-catalog reads its tool name first).
          const [first, ...rest] = args;
          const r = await run(bin(cli.pkg), [first ?? "", ...cli.args(), ...rest], cli.env());
          expect(r.code, `exit status; stderr: ${r.stderr}`).not.toBe(0);
          expect(r.stderr, "stderr names the flag or argument").toMatch(names);
          expect(server.requests, "nothing may reach the server").toHaveLength(0);
          tally.record(`${cli.name} CLI (${cli.pkg})`, "refused");
        },
      );
    });
  }
});

const PROGRAMS: Record<string, CliProgram> = {
  almanach: almanachProgram as CliProgram,
  "sla-catalog": slaCatalogProgram as CliProgram,
  hashmap: hashmapProgram as CliProgram,
};

describe("CLIs: one kit, the same help, version and usage errors", () => {
  for (const cli of CLIS) {
    const program = PROGRAMS[cli.name] as CliProgram;
    it(`${cli.name} --help, --version and every command's --help exit 0 and send nothing`, async () => {
      server.reset();
      const main = await run(bin(cli.pkg), ["--help"], cli.env());
      expect(main.code, main.stderr).toBe(0);
      expect(main.stdout).toMatch(new RegExp(`^usage: ${cli.name} `));
      expect(main.stdout).toMatch(/Exit codes: 0 ok, 1 unexpected, 2 usage, 3 invalid input, 4 not found/);
      const version = await run(bin(cli.pkg), ["--version"], cli.env());
      expect(version.code).toBe(0);
      expect(version.stdout).toMatch(new RegExp(`^${cli.name} \\d+\\.\\d+\\.\\d+`));
      for (const command of program.commands) {
        const help = await run(bin(cli.pkg), [...command.name.split(" "), "--help"], cli.env());
        expect(help.code, `${command.name} --help: ${help.stderr}`).toBe(0);
        expect(help.stdout).toMatch(new RegExp(`^usage: ${cli.name} ${command.name}\\b`));
      }
      expect(server.requests).toHaveLength(0);
    }, 120_000);

    it(`${cli.name}: a usage error exits 2 with one line on stderr`, async () => {
      const [first] = program.commands;
      const r = await run(bin(cli.pkg), [...(first?.name.split(" ") ?? []), "--no-such-option"], cli.env());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/no-such-option/);
    });
  }
});
