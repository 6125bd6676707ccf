/** The `hashmap` CLI, run as a process against the Keystone-protected CloudKitty (found via OS_* variables). */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { EXIT } from "@meterkit/core/cli";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/index.js";
import { createRatingEngine, fetchRuleSet } from "../src/index.js";
import { haveCloudKitty, keystoneClient, services, unique } from "./support/services.js";

const BIN = fileURLToPath(new URL("../bin.js", import.meta.url));
const env = {
  ...process.env,
  OS_AUTH_URL: services.MK_KEYSTONE_URL ?? "",
  OS_USERNAME: services.MK_KEYSTONE_ADMIN_USER ?? "",
  OS_PASSWORD: services.MK_KEYSTONE_ADMIN_PASSWORD ?? "",
  OS_PROJECT_NAME: services.MK_KEYSTONE_ADMIN_PROJECT ?? "",
};

/** Run the CLI in-process (fast) with captured output. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { env, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe.skipIf(!haveCloudKitty)("hashmap CLI (real CloudKitty behind Keystone)", () => {
  it("runs as a process through bin.js (the built dist)", async () => {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [BIN, "types", "--format", "json"], { env }, (e, stdout, stderr) =>
        e ? reject(new Error(stderr)) : resolve(stdout),
      ),
    );
    expect(JSON.parse(out).sort()).toEqual(["flat", "rate"]);
  });

  it("scripts a rule change end to end, in table and JSON output", async () => {
    const name = unique("cli");
    const created = await cli("services", "create", name, "--format", "json");
    expect(created.code).toBe(0);
    const svc = JSON.parse(created.out) as { service_id: string; name: string };
    expect(svc.name).toBe(name);
    const table = await cli("services", "list");
    // core's table style (cliff's): a rule, then the header row.
    expect(table.out.split("\n")[1]).toMatch(/^\| service_id +\| name +\|$/);
    expect(table.out).toContain(name);

    const m = JSON.parse(
      (
        await cli(
          "mappings",
          "create",
          "--service-id",
          svc.service_id,
          "--type",
          "rate",
          "--cost",
          "0.7",
          "--format",
          "json",
        )
      ).out,
    );
    expect(m).toMatchObject({ type: "rate", cost: "0.7000000000000000000000000000", value: "" });
    const updated = JSON.parse(
      (await cli("mappings", "update", m.mapping_id, "--cost", "0.8", "--format", "json")).out,
    );
    expect(updated).toEqual({ ...m, cost: "0.8000000000000000000000000000" });
    const listed = JSON.parse(
      (await cli("mappings", "list", "--service-id", svc.service_id, "--no-tenant", "--format", "json")).out,
    );
    expect(listed).toEqual([updated]);
    await cli("mappings", "create", "--service-id", svc.service_id, "--cost", "2");
    // Two service mappings in one group: CloudKitty keeps only the last; the engine knows, and must agree.
    const usage = [{ service: name, volume: "3" }];
    const engine = createRatingEngine(await fetchRuleSet(keystoneClient(), { services: [name] }));
    const quoted = JSON.parse(
      (await cli("quote", "--service", name, "--volume", "3", "--format", "json")).out,
    );
    expect(quoted).toBe(engine.price(usage));
    expect(quoted).toBe(await keystoneClient().quote({ resources: usage }));
    expect((await cli("services", "delete", svc.service_id)).code).toBe(0);
    const gone = await cli("services", "get", svc.service_id);
    expect(gone).toMatchObject({
      code: EXIT.notFound,
      err: expect.stringContaining("hashmap services get: "),
    });
  });

  it("reads an openrc as the OpenStack clients do: domain ids, OS_TENANT_NAME, OS_INTERFACE", async () => {
    const openrc = {
      OS_AUTH_URL: env.OS_AUTH_URL,
      OS_USERNAME: env.OS_USERNAME,
      OS_PASSWORD: env.OS_PASSWORD,
      OS_TENANT_NAME: env.OS_PROJECT_NAME,
      OS_USER_DOMAIN_ID: "default",
      OS_PROJECT_DOMAIN_ID: "default",
      OS_INTERFACE: "internalURL",
      OS_REGION_NAME: services.MK_KEYSTONE_REGION ?? "RegionOne",
    };
    let out = "";
    const code = await run(["mapping-types", "list", "-f", "value"], {
      env: openrc,
      stdout: (s) => (out += s),
      stderr: () => undefined,
    });
    // The server lists its types from a Python set: in the order of its worker's hash seed.
    expect({ code, types: out.split("\n").sort() }).toEqual({ code: EXIT.ok, types: ["", "flat", "rate"] });
    let err = "";
    const wrong = await run(["mapping-types", "list"], {
      env: { ...openrc, OS_PROJECT_DOMAIN_ID: "no-such-domain" },
      stdout: () => undefined,
      stderr: (s) => (err += s),
    });
    expect({ wrong, err }).toMatchObject({
      wrong: EXIT.auth,
      err: expect.stringContaining("hashmap mapping-types list"),
    });
  });

  it("goes beyond cloudkitty where it cannot: --no-group on update, --all on list", async () => {
    const json = async (...args: string[]) => {
      const r = await cli(...args, "-f", "json");
      expect(r, args.join(" ")).toMatchObject({ code: EXIT.ok });
      return JSON.parse(r.out) as Record<string, string | null>[];
    };
    const sid = (await json("service", "create", unique("cli-extra")))[0]?.["Service ID"] as string;
    try {
      const gid = (await json("group", "create", unique("cli-g")))[0]?.["Group ID"] as string;
      const m = (await json("mapping", "create", "-s", sid, "-g", gid, "2"))[0] as Record<
        string,
        string | null
      >;
      expect(m["Group ID"]).toBe(gid);
      const out = await json("mapping", "update", m["Mapping ID"] as string, "--no-group");
      expect(out).toEqual([{ ...m, "Group ID": null }]);
      expect(await json("group", "mappings", "get", gid)).toEqual([]);
      const all = await json("mapping", "list", "--all");
      expect(all.filter((row) => row["Service ID"] === sid)).toEqual(out);
      await cli("group", "delete", gid);
    } finally {
      await cli("service", "delete", sid);
    }
  });

  it("reports bad input and unknown commands without calling the server", async () => {
    const bad = await cli("mappings", "create", "--cost", "0.7");
    expect(bad).toMatchObject({ code: EXIT.invalid, err: expect.stringContaining("exactly one parent") });
    const unknown = await cli("services", "frobnicate");
    expect(unknown).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("unknown command 'services frobnicate'"),
    });
    expect(await cli("types", "--format", "xml")).toMatchObject({ code: EXIT.usage, out: "" });
    expect(await cli("services", "list", "--colour", "red")).toMatchObject({ code: EXIT.usage, out: "" });
    expect(await cli()).toMatchObject({
      code: EXIT.usage,
      out: "",
      err: expect.stringContaining("usage: hashmap"),
    });
  });

  it("shows help and its version with exit 0", async () => {
    const help = await cli("--help");
    expect(help).toMatchObject({ code: EXIT.ok, err: "" });
    for (const command of ["services list", "mappings create", "module priority", "quote", "types"]) {
      expect(help.out).toContain(command);
    }
    expect(help.out).toContain("CLOUDKITTY_URL");
    const sub = await cli("mappings", "create", "--help");
    expect(sub).toMatchObject({ code: EXIT.ok, out: expect.stringContaining("--service-id") });
    expect(await cli("--version")).toMatchObject({
      code: EXIT.ok,
      out: expect.stringMatching(/^hashmap \d/),
    });
  });
});

describe("hashmap CLI: cloudkitty's forms, checked before anything is sent", () => {
  // Nothing listens on port 9: a command that reached the network would fail with "unavailable" (6).
  const offline = { env: { CLOUDKITTY_URL: "http://127.0.0.1:9" } };
  async function local(...args: string[]) {
    let out = "";
    let err = "";
    const code = await run(args, { ...offline, stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { code, out, err };
  }
  const SID = "6f7c1d5e-0000-4000-8000-00000000ffff";

  it("reads a positional COST as Python's float() does, and refuses what it refuses", async () => {
    const { pythonFloat } = await import("../src/cli/compat-rules.js");
    expect([" 1.5 ", "1_000.25", "7", ".5", "-2e-3", "+3."].map((t) => pythonFloat("cost", t))).toEqual([
      1.5, 1000.25, 7, 0.5, -0.002, 3,
    ]);
    expect(await local("mapping", "create", "-s", SID, "abc")).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("argument cost: invalid float value: 'abc'"),
    });
    expect(await local("mapping", "create", "-s", SID, "0x10")).toMatchObject({ code: EXIT.usage });
    expect(await local("threshold", "create", "-s", SID, "10", "inf")).toMatchObject({ code: EXIT.usage });
    expect(await local("mapping", "create", "-s", SID)).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("needs COST"),
    });
  });

  it("checks options and input as usual: formats, columns, clashing flags, a value on a service mapping", async () => {
    expect(await local("service", "list", "-f", "xml")).toMatchObject({ code: EXIT.usage, out: "" });
    expect(await local("mapping", "update", SID, "--no-group", "-g", SID)).toMatchObject({
      code: EXIT.usage,
      err: expect.stringContaining("--no-group and --group-id"),
    });
    expect(await local("mapping", "create", "-s", SID, "--value", "x", "1")).toMatchObject({
      code: EXIT.invalid,
    });
    expect(await local("mapping", "list")).toMatchObject({
      code: EXIT.invalid,
      err: expect.stringContaining("all: true"),
    });
  });

  it("lists cloudkitty's commands in help, and takes them with the 'hashmap' word too", async () => {
    const help = await local("--help");
    for (const command of ["mapping-types list", "service create", "mapping create", "group mappings get"]) {
      expect(help.out).toContain(command);
    }
    const sub = await local("hashmap", "mapping", "create", "--help");
    expect(sub).toMatchObject({
      code: EXIT.ok,
      out: expect.stringMatching(/-s, --service-id|--service-id, -s/),
    });
    expect(sub.out).toContain("COST");
  });

  it("starts without the client: the CLI's static imports reach neither zod nor undici (tsc's dist)", () => {
    const require = createRequire(import.meta.url);
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      for (const [, spec] of text.matchAll(/^(?:import\s+|(?:import|export)\s[^;]*?from\s+)"([^"]+)"/gms)) {
        if (!spec || spec.startsWith("node:")) continue;
        visit(
          spec.startsWith(".")
            ? fileURLToPath(new URL(spec, pathToFileURL(file)))
            : require.resolve(spec, { paths: [dirname(file)] }),
        );
      }
    };
    visit(fileURLToPath(new URL("../dist/cli/main.js", import.meta.url)));
    const files = [...seen].map((f) => f.replaceAll("\\", "/"));
    expect(files.some((f) => f.endsWith("/dist/cli/program.js"))).toBe(true);
    expect(
      files.filter((f) => /\/(zod|undici)\/|\/dist\/client\.js$|\/dist\/cli\/connect\.js$/.test(f)),
    ).toEqual([]);
  });
});
