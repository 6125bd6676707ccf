/** The `hashmap` CLI, run as a process against the Keystone-protected CloudKitty (found via OS_* variables). */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
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
