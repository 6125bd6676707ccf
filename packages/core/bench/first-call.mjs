// The first calls of a client operation in a fresh process, response validation included, in two workloads
// of python-cloudkittyclient's: the rating-hashmap-client's `mappings.list()` of 1,000 mappings, and the first
// three `quote()`s of a process (then three more, warm). Against the canned server (cli-server.mjs, its own
// process), beside the same requests through the keystoneauth1 session python-cloudkittyclient sends through,
// parsed with `.json()` (Debian's /usr/bin/python3, when installed), and beside two floors, neither
// validating: bare undici (`request()` and `body.json()`, imported with the set-up), the least a client on
// undici does for the call, so the floor of ours; and bare node:http (`http.request` on a keep-alive agent,
// `JSON.parse` of the body), whose code Node's binary carries precompiled, the least any Node client does.
//
// Client CPU (user + system of the client process only) of three phases, each process fresh: the imports
// and client set-up, the first call(s), the next one(s). Median over the runs.
//
// Run: pnpm --filter @meterkit/core bench (after `pnpm build`). Prints a table and BENCH lines; asserts
// nothing. Knob: MK_BENCH_FIRST_CALL_RUNS (default 7).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printBench } from "../../../tooling/bench/table.mjs";

const RUNS = Number(process.env.MK_BENCH_FIRST_CALL_RUNS ?? 7);
const PYTHON = "/usr/bin/python3";
const CLIENT = fileURLToPath(new URL("../../rating-hashmap-client/dist/index.js", import.meta.url));
const UNDICI = fileURLToPath(new URL("../node_modules/undici/index.js", import.meta.url));
const SERVICE = "6c0fd1b5-3d1a-4b8e-9d6e-000000000000";
const MAPPINGS_PATH = `/v1/rating/module_config/hashmap/mappings?service_id=${SERVICE}`;
const RESOURCES = [{ service: "instance", volume: "1", desc: { metadata: { flavor_id: "m1.small" } } }];

/** A Node script timing `setup`, then `call` as phase "first" and again as "second"; `check` runs last. */
const nodeScript = ({ setup, call, check }) => `
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t0 = cpu();
${setup}
const t1 = cpu();
const first = await (${call})();
const t2 = cpu();
const second = await (${call})();
const t3 = cpu();
${check}
console.log(JSON.stringify({ setup: t1 - t0, first: t2 - t1, second: t3 - t2 }));
process.exit(0);
`;

/** The same in Python, through a keystoneauth1 session as python-cloudkittyclient's. */
const pythonScript = ({ call, check }) => `
import sys, time, json
t0 = time.process_time()
from keystoneauth1 import session
s = session.Session()
base = sys.argv[1]
H = {"X-Auth-Token": "bench-token"}
call = lambda: ${call}
t1 = time.process_time()
first = call()
t2 = time.process_time()
second = call()
t3 = time.process_time()
${check}
print(json.dumps({"setup": (t1 - t0) * 1000, "first": (t2 - t1) * 1000, "second": (t3 - t2) * 1000}))
`;

const ourSetup = `const { createHashMapClient } = await import(${JSON.stringify(CLIENT)});
const client = createHashMapClient({ baseUrl: process.argv[1], token: "bench-token" });`;
const bareSetup = `const { request } = await import(${JSON.stringify(UNDICI)});
const headers = { "x-auth-token": "bench-token", "content-type": "application/json" };`;
const httpSetup = `const http = await import("node:http");
const agent = new http.Agent({ keepAlive: true });
const headers = { "x-auth-token": "bench-token", "content-type": "application/json" };
const send = (method, path, body) => new Promise((resolve, reject) => {
  const req = http.request(process.argv[1] + path, { method, headers, agent }, (res) => {
    const chunks = [];
    res.on("data", (chunk) => chunks.push(chunk));
    res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
  });
  req.on("error", reject);
  req.end(body);
});`;
const threeTimes = (one) => `async () => [await ${one}, await ${one}, await ${one}]`;
const bareQuote = `(await (await request(process.argv[1] + "/v1/rating/quote", { method: "POST", headers, body: ${JSON.stringify(JSON.stringify({ resources: RESOURCES }))} })).body.json())`;

const WORKLOADS = [
  {
    id: "mappings",
    title: "mappings.list() of 1,000 mappings",
    bench: "hashmap mappings.list ×1,000",
    phases: ["first call", "second call"],
    scripts: {
      "meterkit (hashmap client)": nodeScript({
        setup: ourSetup,
        call: `() => client.mappings.list({ service_id: ${JSON.stringify(SERVICE)} })`,
        check: `if (first.length !== 1000 || second.length !== 1000) throw new Error("expected 1,000 mappings");`,
      }),
      "bare undici, no validation": nodeScript({
        setup: bareSetup,
        call: `async () => (await (await request(process.argv[1] + ${JSON.stringify(MAPPINGS_PATH)}, { headers })).body.json()).mappings`,
        check: `if (first.length !== 1000 || second.length !== 1000) throw new Error("expected 1,000 mappings");`,
      }),
      "bare node:http, no validation": nodeScript({
        setup: httpSetup,
        call: `async () => (await send("GET", ${JSON.stringify(MAPPINGS_PATH)})).mappings`,
        check: `if (first.length !== 1000 || second.length !== 1000) throw new Error("expected 1,000 mappings");`,
      }),
      "python keystoneauth1": pythonScript({
        call: `s.get(base + ${JSON.stringify(MAPPINGS_PATH)}, headers=H, authenticated=False).json()["mappings"]`,
        check: "assert len(first) == 1000 and len(second) == 1000",
      }),
    },
  },
  {
    id: "quotes",
    title: "quote(), the first 3 of a process and the next 3",
    bench: "hashmap quote",
    phases: ["first 3 quotes", "next 3 quotes"],
    scripts: {
      "meterkit (hashmap client)": nodeScript({
        setup: ourSetup,
        call: threeTimes(`client.quote({ resources: ${JSON.stringify(RESOURCES)} })`),
        check: `if (first.join() !== second.join() || first.length !== 3) throw new Error("unexpected quotes");`,
      }),
      "bare undici, no validation": nodeScript({
        setup: bareSetup,
        call: threeTimes(bareQuote),
        check: `if (first.join() !== second.join() || first.length !== 3) throw new Error("unexpected quotes");`,
      }),
      "bare node:http, no validation": nodeScript({
        setup: httpSetup,
        call: threeTimes(
          `send("POST", "/v1/rating/quote", ${JSON.stringify(JSON.stringify({ resources: RESOURCES }))})`,
        ),
        check: `if (first.join() !== second.join() || first.length !== 3) throw new Error("unexpected quotes");`,
      }),
      "python keystoneauth1": pythonScript({
        call: `[s.post(base + "/v1/rating/quote", json={"resources": ${JSON.stringify(RESOURCES)}}, headers=H, authenticated=False).json() for _ in range(3)]`,
        check: "assert first == second and len(first) == 3",
      }),
    },
  },
];

if (!existsSync(CLIENT)) {
  console.log("first-call: @meterkit/rating-hashmap-client is not built, left out (build it first)");
  process.exit(0);
}
const server = spawn(process.execPath, [fileURLToPath(new URL("cli-server.mjs", import.meta.url))], {
  stdio: ["pipe", "pipe", "inherit"],
});
const port = await new Promise((resolve) => server.stdout.once("data", (c) => resolve(String(c).trim())));
const url = `http://127.0.0.1:${port}`;

function once(name, script) {
  const [command, args] = name.startsWith("python")
    ? [PYTHON, ["-c", script, url]]
    : [process.execPath, ["--input-type=module", "-e", script, url]];
  const child = spawnSync(command, args, { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const havePython = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import keystoneauth1"]).status === 0;

const results = [];
try {
  for (const workload of WORKLOADS) {
    const clients = Object.keys(workload.scripts).filter((name) => havePython || !name.startsWith("python"));
    const runs = Object.fromEntries(clients.map((name) => [name, []]));
    // Interleaved, so a change of load touches every client alike.
    for (let run = 0; run < RUNS; run++) {
      for (const name of clients) runs[name].push(once(name, workload.scripts[name]));
    }
    const figures = Object.fromEntries(
      clients.map((name) => [
        name,
        Object.fromEntries(["setup", "first", "second"].map((k) => [k, median(runs[name].map((r) => r[k]))])),
      ]),
    );
    results.push({ workload, figures });
  }
} finally {
  server.stdin.end();
}

const bench = (name, value, baseline, target) =>
  printBench({
    name,
    value: +value.toFixed(2),
    baseline: +baseline.toFixed(2),
    unit: "ms",
    target,
    lowerIsBetter: true,
  });

for (const { workload, figures } of results) {
  console.log(`${workload.title}: client CPU in ms, median of ${RUNS} fresh processes`);
  console.table(
    Object.entries(figures).map(([name, f]) => ({
      client: name,
      "imports + set-up": +f.setup.toFixed(1),
      [workload.phases[0]]: +f.first.toFixed(1),
      [workload.phases[1]]: +f.second.toFixed(1),
    })),
  );
  const ours = figures["meterkit (hashmap client)"];
  const bare = figures["bare undici, no validation"];
  const py = figures["python keystoneauth1"];
  const [cold, warm] = workload.phases;
  bench(`${workload.bench}, ${cold} CPU: meterkit vs bare undici (no validation)`, ours.first, bare.first);
  bench(`${workload.bench}, ${warm} CPU: meterkit vs bare undici (no validation)`, ours.second, bare.second);
  if (!py) continue;
  bench(`${workload.bench}, ${cold} CPU: bare undici vs python keystoneauth1`, bare.first, py.first);
  bench(
    `${workload.bench}, ${cold} CPU: bare node:http vs python keystoneauth1`,
    figures["bare node:http, no validation"].first,
    py.first,
  );
  bench(
    `${workload.bench}, ${cold} CPU (validation included): meterkit vs python keystoneauth1`,
    ours.first,
    py.first,
    2,
  );
  bench(`${workload.bench}, ${warm} CPU: meterkit vs python keystoneauth1`, ours.second, py.second);
  bench(`${workload.bench}, imports + set-up CPU: meterkit vs python keystoneauth1`, ours.setup, py.setup);
}
