#!/usr/bin/env node
/**
 * The root `pnpm bench`: builds the workspace, runs every package's `bench` script one after another (never
 * two at once: they would measure each other), collects the machine-readable lines each prints,
 *
 *   BENCH {"name":"core vs bare undici","value":9800,"baseline":10500,"ratio":0.933,"unit":"req/s","target":0.85}
 *
 * (`value` is ours, `baseline` was measured in the same run, `ratio` = value / baseline, `target` optional),
 * and prints one table of ratios. No benchmark is a test: nothing here asserts a time. The exit code is
 * non-zero only when a bench script crashed.
 *
 * Packages that use the real services (a `@meterkit/services` devDependency: the rating client's bulk
 * create against CloudKitty) run inside `tooling/services/services.sh run --`, which starts nothing itself
 * (the bench's global setup calls `ensureServices`) but stops at the end whatever the bench started.
 *
 * Usage: node tooling/bench/run.mjs [--only core,metric-parser] [--no-build] [--json results.json]
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatBenchTable, parseBenchLines } from "./table.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// The issue's order: the transport first, then the model, the parser and the clients.
const ORDER = [
  "core",
  "connector-model",
  "metric-parser",
  "allocation-client",
  "rating-hashmap-client",
  "ledger-client",
  "sla-catalog-server",
];

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const only = option("--only")?.split(",");
const jsonFile = option("--json");

/** `pnpm` itself: the one running this script when started as `pnpm bench`, else the pinned one via npx. */
function pnpm(...rest) {
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath)) return [process.execPath, execpath, ...rest];
  const pinned = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).packageManager ?? "pnpm@10";
  return ["npx", "--yes", pinned, ...rest];
}

/** Run a command with its output shown live; resolve with its exit code and every stdout line. */
function run(command, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { cwd, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      out += chunk;
    });
    child.on("error", (error) => resolve({ code: 127, lines: [String(error)] }));
    child.on("close", (code) => resolve({ code: code ?? 1, lines: out.split("\n") }));
  });
}

function benchPackages() {
  const found = [];
  for (const group of ["packages", "apps", "tooling"]) {
    const dir = join(ROOT, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name, "package.json");
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, "utf8"));
      if (!pkg.scripts?.bench) continue;
      const services = Boolean(
        pkg.devDependencies?.["@meterkit/services"] ?? pkg.dependencies?.["@meterkit/services"],
      );
      found.push({ short: name, name: pkg.name, dir: join(dir, name), services });
    }
  }
  const rank = (p) => (ORDER.includes(p.short) ? ORDER.indexOf(p.short) : ORDER.length);
  return found
    .filter((p) => !only || only.includes(p.short) || only.includes(p.name))
    .sort((a, b) => rank(a) - rank(b) || a.short.localeCompare(b.short));
}

const packages = benchPackages();
if (packages.length === 0) {
  console.error(
    `[meterkit bench] no package with a bench script${only ? ` matches --only ${only.join(",")}` : ""}`,
  );
  process.exit(2);
}
if (!args.includes("--no-build")) {
  console.log("[meterkit bench] building the workspace (turbo)…");
  const build = await run(pnpm("exec", "turbo", "run", "build", "--output-logs=errors-only"), ROOT);
  if (build.code !== 0) process.exit(build.code);
}

const results = [];
const problems = [];
for (const pkg of packages) {
  console.log(
    `\n[meterkit bench] ${pkg.name}: pnpm run bench${pkg.services ? " (inside services.sh run)" : ""}`,
  );
  const command = pnpm("run", "bench");
  const wrapped = pkg.services
    ? ["bash", join(ROOT, "tooling/services/services.sh"), "run", "--", ...command]
    : command;
  const started = performance.now();
  const { code, lines } = await run(wrapped, pkg.dir);
  const seconds = (performance.now() - started) / 1000;
  const { rows, invalid } = parseBenchLines(lines);
  for (const row of rows) results.push({ package: pkg.short, ...row });
  for (const line of invalid) problems.push(`${pkg.name}: unreadable BENCH line: ${line}`);
  if (code !== 0) problems.push(`${pkg.name}: bench exited with code ${code} after ${seconds.toFixed(0)} s`);
  else if (rows.length === 0) problems.push(`${pkg.name}: bench printed no BENCH line`);
}

console.log(
  `\nmeterkit benchmarks (node ${process.version}; each ratio against a baseline measured in the same run)`,
);
console.log(formatBenchTable(results));
const calibration = pythonSpeedNote(results);
if (calibration) console.log(calibration);
for (const problem of problems) console.log(`! ${problem}`);
if (jsonFile)
  writeFileSync(jsonFile, `${JSON.stringify({ node: process.version, results, problems }, null, 2)}\n`);
process.exitCode = problems.some((p) => p.includes("exited with code")) ? 1 : 0;

/**
 * The Python peers that cannot run here (nflex-connector-utils) are compared with figures measured in issue
 * 20's run on another machine of this kind. core's bench measures, in this run, a Python workload that was
 * also measured then (client CPU per request through keystoneauth1, 759 µs): their ratio says how much
 * faster or slower this machine runs Python, and so how far the "documented" ratios are to be discounted.
 */
function pythonSpeedNote(rows) {
  const DOCUMENTED_KEYSTONEAUTH1_US = 759;
  const row = rows.find(
    (r) => r.package === "core" && /CPU\/request: core vs python keystoneauth1$/.test(r.name),
  );
  if (!row) return undefined;
  const factor = DOCUMENTED_KEYSTONEAUTH1_US / row.baseline;
  return (
    `python on this machine: keystoneauth1 ${row.baseline} µs CPU/request against ${DOCUMENTED_KEYSTONEAUTH1_US} in ` +
    `issue 20's run, so Python runs ${factor.toFixed(2)}× as fast here; divide the "vs python (documented …)" ` +
    `ratios by ${factor.toFixed(2)} to compare with the peer on this machine`
  );
}
