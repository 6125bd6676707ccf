// The first call of a client operation in a fresh process, response validation included: the
// rating-hashmap-client's `mappings.list()` of 1,000 mappings (its zod schemas, core's transport) against
// the canned server (cli-server.mjs, its own process), and the same GET through the keystoneauth1 session
// python-cloudkittyclient sends through, parsed with `.json()` (Debian's /usr/bin/python3, when installed).
// Client CPU (user + system of the client process only) of three phases, each process fresh: the imports
// and client set-up, the first call, a second call. Median over the runs. A third row, bare undici with no
// validation, is the least any Node client does for the call: the floor of our first call.
//
// Run: pnpm --filter @meterkit/core bench (after `pnpm build`). Prints a table and BENCH lines; asserts
// nothing. Knob: MK_BENCH_FIRST_CALL_RUNS (default 7).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const RUNS = Number(process.env.MK_BENCH_FIRST_CALL_RUNS ?? 7);
const PYTHON = "/usr/bin/python3";
const CLIENT = fileURLToPath(new URL("../../rating-hashmap-client/dist/index.js", import.meta.url));
const SERVICE = "6c0fd1b5-3d1a-4b8e-9d6e-000000000000";

const NODE_SCRIPT = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = cpu();
const { createHashMapClient } = await import(${JSON.stringify(CLIENT)});
const client = createHashMapClient({ baseUrl: process.argv[1], token: "bench-token" });
const t1 = cpu();
const first = await client.mappings.list({ service_id: ${JSON.stringify(SERVICE)} });
const t2 = cpu();
const second = await client.mappings.list({ service_id: ${JSON.stringify(SERVICE)} });
const t3 = cpu();
if (first.length !== 1000 || second.length !== 1000) throw new Error("expected 1,000 mappings");
console.log(JSON.stringify({ setup: t1 - t0, first: t2 - t1, second: t3 - t2 }));
process.exit(0);
`;

// The least work any Node client must do for the same call: undici imported with the set-up, then a bare
// request() and body.json(), no validation. Its first call is what V8 compiles and connects in a fresh process.
const UNDICI = fileURLToPath(new URL("../node_modules/undici/index.js", import.meta.url));
const BARE_SCRIPT = `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = cpu();
const { request } = await import(${JSON.stringify(UNDICI)});
const url = process.argv[1] + "/v1/rating/module_config/hashmap/mappings?service_id=${SERVICE}";
const get = async () => (await (await request(url, { headers: { "x-auth-token": "bench-token" } })).body.json()).mappings;
const t1 = cpu();
const first = await get();
const t2 = cpu();
const second = await get();
const t3 = cpu();
if (first.length !== 1000 || second.length !== 1000) throw new Error("expected 1,000 mappings");
console.log(JSON.stringify({ setup: t1 - t0, first: t2 - t1, second: t3 - t2 }));
process.exit(0);
`;

const PY_SCRIPT = `
import sys, time, json
t0 = time.process_time()
from keystoneauth1 import session
s = session.Session()
url = sys.argv[1] + "/v1/rating/module_config/hashmap/mappings?service_id=${SERVICE}"
get = lambda: s.get(url, headers={"X-Auth-Token": "bench-token"}, authenticated=False).json()["mappings"]
t1 = time.process_time()
first = get()
t2 = time.process_time()
second = get()
t3 = time.process_time()
assert len(first) == 1000 and len(second) == 1000
print(json.dumps({"setup": (t1 - t0) * 1000, "first": (t2 - t1) * 1000, "second": (t3 - t2) * 1000}))
`;

if (!existsSync(CLIENT)) {
  console.log("first-call: @meterkit/rating-hashmap-client is not built, left out (build it first)");
  process.exit(0);
}
const server = spawn(process.execPath, [fileURLToPath(new URL("cli-server.mjs", import.meta.url))], {
  stdio: ["pipe", "pipe", "inherit"],
});
const port = await new Promise((resolve) => server.stdout.once("data", (c) => resolve(String(c).trim())));
const url = `http://127.0.0.1:${port}`;

function once(command, args) {
  const child = spawnSync(command, args, { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`${command} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const peers = { "meterkit (hashmap client)": [], "bare undici, no validation": [] };
const havePython = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import keystoneauth1"]).status === 0;
if (havePython) peers["python keystoneauth1"] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    peers["meterkit (hashmap client)"].push(
      once(process.execPath, ["--input-type=module", "-e", NODE_SCRIPT, url]),
    );
    peers["bare undici, no validation"].push(
      once(process.execPath, ["--input-type=module", "-e", BARE_SCRIPT, url]),
    );
    if (havePython) peers["python keystoneauth1"].push(once(PYTHON, ["-c", PY_SCRIPT, url]));
  }
} finally {
  server.stdin.end();
}

const figures = Object.fromEntries(
  Object.entries(peers).map(([name, runs]) => [
    name,
    Object.fromEntries(["setup", "first", "second"].map((k) => [k, median(runs.map((r) => r[k]))])),
  ]),
);
console.log(
  `First call of mappings.list() (1,000 mappings), client CPU in ms, median of ${RUNS} fresh processes`,
);
console.table(
  Object.entries(figures).map(([name, f]) => ({
    client: name,
    "imports + set-up": +f.setup.toFixed(1),
    "first call": +f.first.toFixed(1),
    "second call": +f.second.toFixed(1),
  })),
);
const ours = figures["meterkit (hashmap client)"];
const bare = figures["bare undici, no validation"];
const py = figures["python keystoneauth1"];
console.log(
  `BENCH ${JSON.stringify({
    name: "hashmap mappings.list ×1,000, first call CPU: meterkit vs bare undici (no validation)",
    value: +ours.first.toFixed(2),
    baseline: +bare.first.toFixed(2),
    ratio: +(ours.first / bare.first).toFixed(3),
    unit: "ms",
    lowerIsBetter: true,
  })}`,
);
if (py) {
  const line = {
    name: "hashmap mappings.list ×1,000, first call CPU: bare undici vs python keystoneauth1",
    value: +bare.first.toFixed(2),
    baseline: +py.first.toFixed(2),
    ratio: +(bare.first / py.first).toFixed(3),
    unit: "ms",
    lowerIsBetter: true,
  };
  console.log(`BENCH ${JSON.stringify(line)}`);
}
if (ours && py) {
  for (const [key, label, target] of [
    ["first", "first call CPU (validation included)", 2],
    ["setup", "imports + set-up CPU", undefined],
  ]) {
    const line = {
      name: `hashmap mappings.list ×1,000, ${label}: meterkit vs python keystoneauth1`,
      value: +ours[key].toFixed(2),
      baseline: +py[key].toFixed(2),
      ratio: +(ours[key] / py[key]).toFixed(3),
      unit: "ms",
      ...(target ? { target } : {}),
      lowerIsBetter: true,
    };
    console.log(`BENCH ${JSON.stringify(line)}`);
  }
}
