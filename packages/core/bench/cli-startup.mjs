// CLI start-up as a user feels it: the wall time of one command of each meterkit CLI (`hashmap`,
// `almanach`, `sla-catalog`), each a fresh process sending its one request to a local server, against a bare
// `node -e 0` measured in the same run, interleaved (one run of each in turn, so a burst of load on the
// machine hits them all alike). The server (cli-server.mjs) runs in its own process. When Debian's
// python-cloudkittyclient is installed, `cloudkitty hashmap service list` (the peer of `hashmap services
// list`, noauth against the same server) is measured too, as a reference row.
//
// Run: pnpm --filter @meterkit/core bench (after `pnpm build` of the three CLIs). Prints a table and BENCH
// lines; asserts nothing. Knobs: MK_BENCH_CLI_RUNS (default 9 runs of each; the median is reported);
// MK_BENCH_CLI_COMPARE=<dir> adds the same three commands run from another copy of packages/ (say, a build of
// an earlier commit), interleaved with the others, for a before/after in one run.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PACKAGES = fileURLToPath(new URL("../../", import.meta.url));
const RUNS = Number(process.env.MK_BENCH_CLI_RUNS ?? 9);
const COMPARE = process.env.MK_BENCH_CLI_COMPARE;
const CLOUDKITTY = "/usr/bin/cloudkitty";

function startServer() {
  const child = spawn(process.execPath, [fileURLToPath(new URL("cli-server.mjs", import.meta.url))], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.stdout.once("data", (chunk) => resolve({ port: Number(String(chunk).trim()), child }));
  });
}

/**
 * CPU (user + system) of this process's waited-for children so far, in ms: fields 16 and 17 of
 * /proc/self/stat, in USER_HZ (100 per second on Linux); undefined elsewhere. Wall time is what a user feels,
 * but on a loaded machine it mostly measures the load; CPU is the steadier figure beside it.
 */
function childrenCpuMs() {
  if (!existsSync("/proc/self/stat")) return undefined;
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** One fresh process: wall milliseconds from spawn to exit, and its stdout (checked, so a failure shows). */
function timeOnce(command, args, env) {
  return new Promise((resolve, reject) => {
    const cpu = childrenCpuMs();
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => {
      out += c;
    });
    child.stderr.on("data", (c) => {
      err += c;
    });
    child.once("error", reject);
    child.once("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${err.trim()}`));
      else resolve({ ms, cpu: cpu === undefined ? undefined : childrenCpuMs() - cpu, out });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const { port, child: server } = await startServer();
const url = `http://127.0.0.1:${port}`;
const cases = [
  { name: "node -e 0", command: process.execPath, args: ["-e", "0"], expect: "" },
  {
    name: "hashmap services list",
    command: process.execPath,
    args: [`${PACKAGES}rating-hashmap-client/bin.js`, "services", "list"],
    env: { CLOUDKITTY_URL: url, OS_TOKEN: "bench-token" },
    expect: "ip.floating",
  },
  {
    name: "almanach list-entities",
    command: process.execPath,
    args: [`${PACKAGES}ledger-client/bin.js`, "list-entities", "tenant-1", "2017-03-01"],
    env: { ALMANACH_URL: url, ALMANACH_TOKEN: "bench-token" },
    expect: "vm-4",
  },
  {
    name: "sla-catalog GetProductList",
    command: process.execPath,
    args: [`${PACKAGES}sla-catalog-client/bin.js`, "GetProductList"],
    env: { SLA_CATALOG_URL: url },
    expect: "product 5",
  },
];
// A CLI whose package is not built yet is left out (the root `pnpm bench` builds everything first).
for (const c of cases.filter((c) => c.args[0]?.endsWith("bin.js"))) {
  if (!existsSync(c.args[0].replace(/bin\.js$/, "dist/cli/main.js"))) {
    console.log(`${c.name}: not built, left out (build its package first)`);
    cases.splice(cases.indexOf(c), 1);
  }
}
if (COMPARE) {
  const other = COMPARE.endsWith("/") ? COMPARE : `${COMPARE}/`;
  for (const c of cases.filter((c) => c.args[0]?.endsWith("bin.js"))) {
    cases.push({
      ...c,
      name: `${c.name} (compare)`,
      args: [c.args[0].replace(PACKAGES, other), ...c.args.slice(1)],
    });
  }
}
if (existsSync(CLOUDKITTY)) {
  cases.push({
    name: "python cloudkitty hashmap service list",
    command: CLOUDKITTY,
    args: ["--os-auth-type", "cloudkitty-noauth", "--os-endpoint", url, "hashmap", "service", "list"],
    env: {},
    expect: "ip.floating",
  });
}

const times = new Map(cases.map((c) => [c.name, []]));
const cpus = new Map(cases.map((c) => [c.name, []]));
try {
  for (const c of cases) {
    const { out } = await timeOnce(c.command, c.args, c.env); // one unmeasured run: disk cache, and a check
    if (!out.includes(c.expect)) throw new Error(`${c.name} printed no '${c.expect}':\n${out}`);
  }
  for (let round = 0; round < RUNS; round++) {
    for (const c of cases) {
      const { ms, cpu } = await timeOnce(c.command, c.args, c.env);
      times.get(c.name).push(ms);
      if (cpu !== undefined) cpus.get(c.name).push(cpu);
    }
  }
} finally {
  server.stdin.end();
}

const base = median(times.get("node -e 0"));
// Children's CPU is counted in 10 ms ticks: the mean over the runs, not the median, keeps the resolution.
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const cpuBase = cpus.get("node -e 0").length ? mean(cpus.get("node -e 0")) : undefined;
console.log(
  `CLI start-up, one command against a local server (${RUNS} fresh processes each: median wall, mean CPU)`,
);
for (const c of cases) {
  const ms = median(times.get(c.name));
  const cpu = cpuBase === undefined ? "" : `   CPU ${mean(cpus.get(c.name)).toFixed(0).padStart(5)} ms`;
  const cpuRatio = cpuBase === undefined ? "" : ` ${(mean(cpus.get(c.name)) / cpuBase).toFixed(2)}×`;
  console.log(
    `  ${c.name.padEnd(40)} wall ${ms.toFixed(0).padStart(5)} ms ${(ms / base).toFixed(2)}×${cpu}${cpuRatio}`,
  );
}
for (const c of cases.slice(1)) {
  if (c.command === CLOUDKITTY || c.name.endsWith("(compare)")) continue;
  const value = median(times.get(c.name));
  const line = {
    name: `CLI start-up: ${c.name} vs node -e 0`,
    value: +value.toFixed(1),
    baseline: +base.toFixed(1),
    ratio: +(value / base).toFixed(3),
    unit: "ms",
    target: 2,
    lowerIsBetter: true,
  };
  console.log(`BENCH ${JSON.stringify(line)}`);
  if (cpuBase !== undefined) {
    const cpu = mean(cpus.get(c.name));
    const cpuLine = {
      name: `CLI start-up CPU: ${c.name} vs node -e 0`,
      value: +cpu.toFixed(1),
      baseline: +cpuBase.toFixed(1),
      ratio: +(cpu / cpuBase).toFixed(3),
      unit: "ms",
      target: 2,
      lowerIsBetter: true,
    };
    console.log(`BENCH ${JSON.stringify(cpuLine)}`);
  }
}
if (times.has("python cloudkitty hashmap service list") && times.has("hashmap services list")) {
  const value = median(times.get("hashmap services list"));
  const peer = median(times.get("python cloudkitty hashmap service list"));
  const line = {
    name: "CLI start-up: hashmap services list vs python cloudkitty",
    value: +value.toFixed(1),
    baseline: +peer.toFixed(1),
    ratio: +(value / peer).toFixed(3),
    unit: "ms",
    lowerIsBetter: true,
  };
  console.log(`BENCH ${JSON.stringify(line)}`);
}
