/**
 * An operator's `cloudkitty hashmap …` script runs with only the program's name changed. The same command
 * list is driven through the real `cloudkitty` CLI (python-cloudkittyclient 4.6 from Debian; its `main` run
 * once per line in one Python process, see support/cloudkitty_cli.py — MK_CLI_COMPAT_PROCESS=1 runs
 * /usr/bin/cloudkitty per command instead) and through `hashmap`, one after the other against the same
 * Keystone-protected CloudKitty with the same OS_* environment. Each command's output (JSON, value, csv,
 * yaml, table, with cliff's formatter options: --noindent, --quote, --sort-column, --max-width,
 * --print-empty, -c) and the server state the script leaves must be the same, once the ids each run was
 * given are replaced by the name of the step that created them. The --os-* flags are checked on their own,
 * without OS_* variables.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../src/cli/index.js";
import type { HashMapClient } from "../src/index.js";
import { haveCloudKitty, keystoneClient, services, unique } from "./support/services.js";

const DRIVER = fileURLToPath(new URL("./support/cloudkitty_cli.py", import.meta.url));
const BIN = fileURLToPath(new URL("../bin.js", import.meta.url));
const env: Record<string, string> = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  OS_AUTH_URL: services.MK_KEYSTONE_URL ?? "",
  OS_USERNAME: services.MK_KEYSTONE_ADMIN_USER ?? "",
  OS_PASSWORD: services.MK_KEYSTONE_ADMIN_PASSWORD ?? "",
  OS_PROJECT_NAME: services.MK_KEYSTONE_ADMIN_PROJECT ?? "",
  OS_USER_DOMAIN_NAME: "Default",
  OS_PROJECT_DOMAIN_NAME: "Default",
  OS_REGION_NAME: services.MK_KEYSTONE_REGION ?? "RegionOne",
  OS_IDENTITY_API_VERSION: "3",
};

interface Outcome {
  code: number;
  out: string;
  err: string;
}
type Cli = (argv: readonly string[]) => Promise<Outcome>;

/** The real cloudkitty CLI: the in-process driver, or one /usr/bin/cloudkitty per command. */
function cloudkittyCli(): { cli: Cli; close: () => void } {
  if (process.env.MK_CLI_COMPAT_PROCESS === "1")
    return { cli: (argv) => processCli("/usr/bin/cloudkitty", argv), close: () => {} };
  const child: ChildProcessWithoutNullStreams = spawn("/usr/bin/python3", [DRIVER], { env });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let queue = Promise.resolve<unknown>(undefined);
  const cli: Cli = (argv) => {
    const next = queue.then(async () => {
      child.stdin.write(`${JSON.stringify(argv)}\n`);
      const line = await lines.next();
      if (line.done) throw new Error("the cloudkitty driver stopped");
      return JSON.parse(line.value) as Outcome;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return { cli, close: () => child.stdin.end() };
}

function processCli(
  file: string,
  argv: readonly string[],
  args: readonly string[] = [],
  environment: Record<string, string> = env,
): Promise<Outcome> {
  return new Promise((resolve) =>
    execFile(file, [...args, ...argv], { env: environment }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    ),
  );
}

/** `hashmap`, in process (MK_CLI_COMPAT_PROCESS=1: bin.js per command). */
const hashmapCli: Cli = (argv) => hashmapWith(env, argv);

async function hashmapWith(environment: Record<string, string>, argv: readonly string[]): Promise<Outcome> {
  if (process.env.MK_CLI_COMPAT_PROCESS === "1")
    return processCli(process.execPath, argv, [BIN], environment);
  let out = "";
  let err = "";
  const code = await run(argv, { env: environment, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/**
 * One step of the script: its arguments (after the program's name) from the ids captured so far, and the
 * name under which the id its JSON output shows is captured (`column` of its first row).
 */
interface Step {
  argv: (v: Record<string, string>) => string[];
  capture?: [name: string, column: string];
  /** The step fails in both (a deleted object): compare only that it fails. */
  fails?: boolean;
  /** A list of the shared server: keep only the rows of this run's objects. */
  shared?: boolean;
  /** Run after the server state is read (the service's delete). */
  final?: boolean;
  /** The step orders its rows itself (`--sort-column`): compare its text as printed, rows unsorted. */
  ordered?: boolean;
}

function script(names: Names): Step[] {
  const j = ["-f", "json"];
  const s = (argv: (v: Record<string, string>) => string[], more: Partial<Step> = {}): Step => ({
    argv,
    ...more,
  });
  return [
    s(() => ["hashmap", "mapping-types", "list", ...j]),
    s(() => ["hashmap", "service", "create", names.service, ...j], { capture: ["SID", "Service ID"] }),
    s(() => ["hashmap", "service", "list", ...j], { shared: true }),
    s((v) => ["hashmap", "service", "get", v.SID as string, ...j]),
    s((v) => ["hashmap", "field", "create", v.SID as string, "flavor_id", ...j], {
      capture: ["FID", "Field ID"],
    }),
    s((v) => ["hashmap", "field", "create", v.SID as string, "memory_mb", ...j], {
      capture: ["FID2", "Field ID"],
    }),
    s((v) => ["hashmap", "field", "list", v.SID as string, ...j]),
    s((v) => ["hashmap", "field", "get", v.FID as string, ...j]),
    s(() => ["hashmap", "group", "create", names.group, ...j], { capture: ["GID", "Group ID"] }),
    s((v) => ["hashmap", "mapping", "create", "-s", v.SID as string, "0.7", "-t", "rate", ...j], {
      capture: ["M1", "Mapping ID"],
    }),
    s(
      (v) => [
        "hashmap",
        "mapping",
        "create",
        "--field-id",
        v.FID as string,
        "--value",
        "m1.small",
        "1.5",
        "-g",
        v.GID as string,
        ...j,
      ],
      { capture: ["M2", "Mapping ID"] },
    ),
    s(
      (v) => [
        "hashmap",
        "mapping",
        "create",
        "--field-id",
        v.FID as string,
        "--value",
        "m1.large",
        "3",
        "-g",
        v.GID as string,
        "-p",
        "tenant-a",
        ...j,
      ],
      { capture: ["M3", "Mapping ID"] },
    ),
    s(
      (v) => [
        "hashmap",
        "mapping",
        "create",
        "--field-id",
        v.FID as string,
        "--value",
        "m1.tiny",
        "-t",
        "flat",
        "0.1",
        ...j,
      ],
      { capture: ["M4", "Mapping ID"] },
    ),
    s((v) => ["hashmap", "mapping", "create", "--field-id", v.FID as string, "--value", "512", "0.7", ...j], {
      capture: ["M5", "Mapping ID"],
    }),
    s((v) => ["hashmap", "mapping", "list", "-s", v.SID as string, ...j]),
    s((v) => ["hashmap", "mapping", "list", "--field-id", v.FID as string, ...j]),
    s((v) => ["hashmap", "mapping", "list", "--field-id", v.FID as string, "--no-group", ...j]),
    s((v) => ["hashmap", "mapping", "list", "--field-id", v.FID as string, "--filter-tenant", ...j]),
    s((v) => [
      "hashmap",
      "mapping",
      "list",
      "--field-id",
      v.FID as string,
      "--filter-tenant",
      "-p",
      "tenant-a",
      ...j,
    ]),
    s((v) => ["hashmap", "mapping", "list", "--field-id", v.FID as string, "-p", "tenant-a", ...j]),
    s((v) => ["hashmap", "mapping", "list", "-g", v.GID as string, ...j]),
    s((v) => ["hashmap", "mapping", "update", v.M2 as string, "--cost", "2.25", ...j]),
    s((v) => ["hashmap", "mapping", "update", v.M1 as string, "--cost", "0.8", ...j]),
    s((v) => [
      "hashmap",
      "mapping",
      "update",
      v.M3 as string,
      "--value",
      "m1.xlarge",
      "-p",
      "tenant-b",
      ...j,
    ]),
    s((v) => ["hashmap", "mapping", "update", v.M4 as string, "-g", v.GID as string, ...j]),
    s((v) => ["hashmap", "threshold", "create", "--field-id", v.FID2 as string, "1024", "0.5", ...j], {
      capture: ["T1", "Threshold ID"],
    }),
    s(
      (v) => [
        "hashmap",
        "threshold",
        "create",
        "-s",
        v.SID as string,
        "10",
        "2",
        "-t",
        "rate",
        "-g",
        v.GID as string,
        ...j,
      ],
      { capture: ["T2", "Threshold ID"] },
    ),
    s((v) => ["hashmap", "threshold", "list", "--field-id", v.FID2 as string, ...j]),
    s((v) => ["hashmap", "threshold", "list", "-s", v.SID as string, "--no-group", ...j]),
    s((v) => ["hashmap", "threshold", "update", v.T1 as string, "-l", "2048", "--cost", "0.75", ...j]),
    s((v) => ["hashmap", "group", "mappings", "get", v.GID as string, ...j]),
    s((v) => ["hashmap", "group", "thresholds", "get", v.GID as string, ...j]),
    s(() => ["hashmap", "group", "list", ...j], { shared: true }),
    // The other formats scripts read.
    s((v) => [
      "hashmap",
      "mapping",
      "list",
      "-s",
      v.SID as string,
      "-f",
      "value",
      "-c",
      "Mapping ID",
      "-c",
      "Cost",
    ]),
    s((v) => ["hashmap", "mapping", "list", "--field-id", v.FID as string, "-f", "value"]),
    s((v) => ["hashmap", "threshold", "get", v.T1 as string, "-f", "value", "-c", "Level"]),
    s((v) => ["hashmap", "mapping", "get", v.M2 as string]),
    s((v) => ["hashmap", "field", "list", v.SID as string, "-f", "csv"]),
    // cliff's formatter options. A missing value is "" in csv, None in value and table, null in json and yaml.
    s((v) => ["hashmap", "mapping", "list", "--field-id", v.FID as string, "-f", "csv"]),
    ...cliffSteps(),
    s((v) => ["hashmap", "mapping", "delete", v.M3 as string]),
    s((v) => ["hashmap", "threshold", "delete", v.T2 as string]),
    s((v) => ["hashmap", "group", "delete", v.GID as string]),
    s((v) => ["hashmap", "mapping", "list", "--field-id", v.FID as string, ...j]),
    s((v) => ["hashmap", "mapping", "get", v.M3 as string, ...j], { fails: true }),
    s((v) => ["hashmap", "field", "delete", v.FID2 as string]),
    s((v) => ["hashmap", "service", "delete", v.SID as string], { final: true }),
    s((v) => ["hashmap", "service", "get", v.SID as string, ...j], { final: true, fails: true }),
  ];
}

/**
 * cliff's formatter options, on lists ordered by `--sort-column` (a column whose values differ, so the order
 * does not depend on the server's): the text must be cloudkitty's exactly.
 */
function cliffSteps(): Step[] {
  const fid = (v: Record<string, string>) => ["hashmap", "mapping", "list", "--field-id", v.FID as string];
  const byValue = ["--sort-column", "Value"];
  const o = (argv: (v: Record<string, string>) => string[]): Step => ({ argv, ordered: true });
  return [
    o((v) => [...fid(v), "-f", "yaml", ...byValue]),
    o((v) => [...fid(v), "-f", "json", "--noindent", ...byValue]),
    o((v) => [...fid(v), "-f", "csv", "--quote", "minimal", ...byValue]),
    o((v) => [...fid(v), "-f", "csv", "--quote", "none", ...byValue, "-c", "Value", "-c", "Group ID"]),
    o((v) => [...fid(v), "-f", "csv", "--quote", "all", "--sort-column", "Cost", "--sort-descending"]),
    o((v) => [...fid(v), "-f", "csv", "--quote", "nonnumeric", "--sort-ascending", ...byValue]),
    // None sorts last (first when descending); an unknown sort column is ignored.
    o((v) => [
      ...fid(v),
      "-f",
      "value",
      "--sort-column",
      "Nope",
      "--sort-column",
      "Project ID",
      ...byValue,
      "--sort-descending",
    ]),
    // -c keeps the command's column order, whatever the order asked.
    o((v) => [...fid(v), "-f", "value", "-c", "Cost", "-c", "Mapping ID", ...byValue]),
    // Columns shrunk to fit and cells wrapped as prettytable wraps them (ids left out: wrapped, they would
    // not be recognised as ids by this comparison).
    o((v) => [...fid(v), "--max-width", "30", ...byValue, "-c", "Value", "-c", "Cost", "-c", "Type"]),
    o((v) => [...fid(v), "--max-width", "44", ...byValue, "-c", "Value", "-c", "Cost", "-c", "Project ID"]),
    o((v) => [...fid(v), "--max-width", "0", "--fit-width", ...byValue]),
    o((v) => ["hashmap", "threshold", "list", "--field-id", v.FID as string, "--print-empty"]),
    o((v) => ["hashmap", "threshold", "list", "--field-id", v.FID as string, "-f", "yaml"]),
    o((v) => ["hashmap", "threshold", "get", v.T1 as string, "-f", "yaml"]),
    o((v) => ["hashmap", "service", "get", v.SID as string, "-f", "yaml"]),
    o((v) => [
      "hashmap",
      "group",
      "mappings",
      "get",
      v.GID as string,
      "-f",
      "json",
      "--noindent",
      ...byValue,
    ]),
    // What cliff's parser refuses on a list: -f shell, an unknown -c, --prefix.
    { argv: (v) => ["hashmap", "mapping", "get", v.M2 as string, "-f", "shell"], fails: true },
    { argv: (v) => [...fid(v), "-c", "Nope"], fails: true },
    { argv: (v) => [...fid(v), "--prefix", "x"], fails: true },
    // A delete takes no formatter option: refused before anything is sent (the state compared below).
    { argv: (v) => ["hashmap", "mapping", "delete", v.M5 as string, "-f", "json"], fails: true },
  ];
}

/** A uuid in the text of an output. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface RunResult {
  outputs: { argv: string[]; code: number; out: string }[];
  state: State;
}

/**
 * The output with its rows in one order: CloudKitty lists rows in PostgreSQL's heap order, which updates and
 * earlier deletes change, so two runs of the same script may list them differently. JSON must be cliff's
 * (indent 2, then a newline) before its rows are sorted; value lines, csv lines (after the header) and table
 * body lines are sorted as text.
 */
function rowsSorted(out: string): string {
  if (out.startsWith("[")) {
    const rows = JSON.parse(out) as unknown[];
    expect(out).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    return `${JSON.stringify(
      rows
        .map((r) => JSON.stringify(r))
        .sort()
        .map((r) => JSON.parse(r)),
      null,
      2,
    )}\n`;
  }
  const lines = out.split("\n");
  const head = out.startsWith("+") ? 3 : out.startsWith('"') ? 1 : 0;
  const tail = out.startsWith("+") ? 2 : 1;
  const body = lines.slice(head, lines.length - tail).sort();
  return [...lines.slice(0, head), ...body, ...lines.slice(lines.length - tail)].join("\n");
}

/**
 * The step's names for the ids, as same-length uuids (tables keep their widths), and the run's own object
 * names as the same placeholder in both runs (the names have the same length, see `namesOf`).
 */
function canonical(text: string, ids: Map<string, string>, names?: Names): string {
  let out = text.replace(UUID, (id) => ids.get(id) ?? `<unknown id ${id}>`);
  if (names) {
    out = out.replaceAll(names.service, "S".repeat(names.service.length));
    out = out.replaceAll(names.group, "G".repeat(names.group.length));
  }
  return out;
}

interface Names {
  service: string;
  group: string;
}

/** Names no other run uses, of the same length in every run. */
function namesOf(): Names {
  return { service: unique("compat-instance"), group: unique("compat-group") };
}

async function runScript(cli: Cli, names: Names, hm: HashMapClient): Promise<RunResult> {
  const steps = script(names);
  const vars: Record<string, string> = {};
  const ids = new Map<string, string>();
  const outputs: RunResult["outputs"] = [];
  let state: State | undefined;
  for (const [i, step] of steps.entries()) {
    if (step.final && !state)
      state = JSON.parse(canonical(JSON.stringify(await serverState(hm, vars)), ids, names));
    const argv = step.argv(vars);
    const outcome = await cli(argv);
    if (step.fails) {
      outputs.push({
        argv: argv.map((a) => canonical(a, ids, names)),
        code: outcome.code === 0 ? 0 : 1,
        out: "",
      });
      continue;
    }
    expect(outcome, `step ${i}: ${argv.join(" ")}`).toMatchObject({ code: 0 });
    let out = outcome.out;
    if (step.capture) {
      const [name, column] = step.capture;
      const id = (JSON.parse(out) as Record<string, string>[])[0]?.[column] as string;
      vars[name] = id;
      ids.set(id, `00000000-0000-4000-8000-${String(ids.size + 1).padStart(12, "0")}`);
    }
    if (step.shared) {
      const mine = (JSON.parse(out) as Record<string, string>[]).filter((row) =>
        [...ids.keys()].some((id) => Object.values(row).includes(id)),
      );
      out = `${JSON.stringify(mine, null, 2)}\n`;
    }
    outputs.push({
      argv: argv.map((a) => canonical(a, ids, names)),
      code: outcome.code,
      out: step.ordered ? canonical(out, ids, names) : rowsSorted(canonical(out, ids, names)),
    });
  }
  if (!state) throw new Error("the script has no final step");
  await hm.services.delete({ serviceId: vars.SID as string }).catch(() => undefined);
  if (process.env.MK_CLI_COMPAT_DUMP) {
    const file = `${process.env.MK_CLI_COMPAT_DUMP}.${cli === hashmapCli ? "ours" : "theirs"}.json`;
    writeFileSync(file, JSON.stringify({ outputs, state }, null, 1));
  }
  // In the canonical ids' order: the same in both runs.
  const by = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) =>
    String(a[key]).localeCompare(String(b[key]));
  state.fields.sort(by("field_id"));
  state.mappings.sort(by("mapping_id"));
  state.thresholds.sort(by("threshold_id"));
  return { outputs, state };
}

type State = Record<"fields" | "mappings" | "thresholds", Record<string, unknown>[]>;

/** Everything the script's service holds, read with the client (not through either CLI). */
async function serverState(hm: HashMapClient, vars: Record<string, string>) {
  const serviceId = vars.SID as string;
  const fields = await hm.fields.list({ serviceId });
  return {
    service: await hm.services.get({ serviceId }),
    fields,
    mappings: (await hm.mappings.list({ service_id: serviceId })).concat(
      ...(await Promise.all(fields.map((f) => hm.mappings.list({ field_id: f.field_id })))),
    ),
    thresholds: (await hm.thresholds.list({ service_id: serviceId })).concat(
      ...(await Promise.all(fields.map((f) => hm.thresholds.list({ field_id: f.field_id })))),
    ),
  };
}

describe.skipIf(!haveCloudKitty)("hashmap speaks cloudkitty hashmap (real CLI, real CloudKitty)", () => {
  const hm = keystoneClient();
  let theirs: RunResult;
  let ours: RunResult;
  let close = () => {};

  beforeAll(async () => {
    const ck = cloudkittyCli();
    close = ck.close;
    // Both at once, each with its own objects (the server's time is most of it). One process per command
    // (MK_CLI_COMPAT_PROCESS=1) takes about four minutes on a loaded two-core machine: the limit leaves room.
    [theirs, ours] = await Promise.all([
      runScript(ck.cli, namesOf(), hm),
      runScript(hashmapCli, namesOf(), hm),
    ]);
  }, 480_000);
  afterAll(() => close());

  it("every command prints the same (ids aside), in JSON, value, csv, yaml and table formats, with cliff's formatter options", () => {
    expect(ours.outputs.length).toBe(theirs.outputs.length);
    for (const [i, mine] of ours.outputs.entries()) {
      const ref = theirs.outputs[i];
      expect({ argv: mine.argv, code: mine.code }).toEqual({ argv: ref?.argv, code: ref?.code });
      if (mine.out.startsWith("["))
        expect(JSON.parse(mine.out), mine.argv.join(" ")).toEqual(JSON.parse(ref?.out ?? ""));
      expect(mine.out, mine.argv.join(" ")).toBe(ref?.out);
    }
  });

  it("the executables agree with the runs above: /usr/bin/cloudkitty and bin.js, with or without 'hashmap'", async () => {
    // CloudKitty lists the mapping types from a Python set: their order is the server worker's hash seed's,
    // so compare the rows whatever their order.
    const rows = (out: string | undefined) =>
      (JSON.parse(out ?? "null") as unknown[]).map((r) => JSON.stringify(r)).sort();
    const first = rows(theirs.outputs[0]?.out);
    const argv = ["hashmap", "mapping-types", "list", "-f", "json"];
    expect(rows((await processCli("/usr/bin/cloudkitty", argv)).out)).toEqual(first);
    expect(rows((await processCli(process.execPath, argv, [BIN])).out)).toEqual(first);
    expect(rows((await processCli(process.execPath, argv.slice(1), [BIN])).out)).toEqual(first);
    expect(first).toHaveLength(2);
  });

  it("takes the --os-* flags instead of OS_* variables (before or after the command); a password is never shown", async () => {
    const service = await hm.services.create({ name: unique("compat-flags") });
    try {
      const bare = { PATH: env.PATH ?? "/usr/bin:/bin" };
      const flags = (password: string) => [
        "--os-auth-url",
        env.OS_AUTH_URL ?? "",
        "--os-username",
        env.OS_USERNAME ?? "",
        "--os-password",
        password,
        "--os-project-name",
        env.OS_PROJECT_NAME ?? "",
        "--os-user-domain-name",
        "Default",
        "--os-project-domain-name",
        "Default",
        "--os-region-name",
        env.OS_REGION_NAME ?? "",
        "--os-interface",
        "public",
      ];
      const get = ["hashmap", "service", "get", service.service_id, "-f", "yaml"];
      for (const argv of [
        [...flags(env.OS_PASSWORD ?? ""), ...get],
        [...get, ...flags(env.OS_PASSWORD ?? "")],
      ]) {
        const theirs = await processCli("/usr/bin/cloudkitty", argv, [], bare);
        expect(theirs).toMatchObject({
          code: 0,
          out: `- Name: ${service.name}\n  Service ID: ${service.service_id}\n`,
        });
        expect(await hashmapWith(bare, argv)).toEqual({ code: 0, out: theirs.out, err: "" });
      }
      const secret = `wrong-${unique("pw")}`;
      const theirs = await processCli("/usr/bin/cloudkitty", [...flags(secret), ...get], [], bare);
      const ours = await hashmapWith(bare, [...flags(secret), ...get]);
      // cloudkitty exits 1 on every error; meterkit says what failed (7: Keystone refused the credentials).
      expect({ theirs: theirs.code, ours: ours.code, out: ours.out }).toEqual({
        theirs: 1,
        ours: 7,
        out: "",
      });
      expect(ours.err).toMatch(/Keystone refused/);
      expect(ours.err).not.toContain(secret);
      // A mistake on the line does not echo the password either.
      const typo = await hashmapWith(bare, [...flags(secret), "--os-pasword", secret, ...get]);
      expect(typo.code).toBe(2);
      expect(typo.err).not.toContain(secret);
    } finally {
      await hm.services.delete({ serviceId: service.service_id });
    }
  }, 60_000);

  it("leaves the server in the same state, to the stored digits (a positional cost is a float)", () => {
    expect(ours.state).toEqual(theirs.state);
    const mappings = (theirs.state as unknown as { mappings: { cost: string; value: string | null }[] })
      .mappings;
    // Sanity of the comparison itself: what cloudkitty stores for `0.7` then `--cost 0.8`, and for `1.5`.
    expect(mappings.map((m) => m.cost)).toEqual(
      expect.arrayContaining([
        "0.6999999999999999555910790150",
        "0.8000000000000000000000000000",
        "2.2500000000000000000000000000",
      ]),
    );
    expect(mappings.some((m) => m.value === null)).toBe(true);
  });
});
