// Client CPU per request, the measure of overhead: the same GETs of a canned 20-item JSON list sent
// by bare undici (the ceiling), by core's HttpClient, and by the Python peers' stack (requests, and the
// keystoneauth1 session python-cloudkittyclient sends through, run by Debian's /usr/bin/python3 when it is
// there), against one server in its own process. CPU is process.cpuUsage() (user + system) of the client
// process only, divided by the requests; rounds alternate so machine noise hits every client alike.
// Run: pnpm --filter @meterkit/core bench (after build). Prints a table and BENCH lines; asserts nothing.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Agent, request } from "undici";
import { createHttpClient, retry, tokenAuth } from "../dist/index.js";

const REQUESTS = Number(process.env.MK_BENCH_REQUESTS ?? 4_000);
const ROUNDS = Number(process.env.MK_BENCH_ROUNDS ?? 5);
const PYTHON = "/usr/bin/python3";

const server = spawn(process.execPath, [fileURLToPath(new URL("./canned-server.mjs", import.meta.url))], {
  stdio: ["pipe", "pipe", "inherit"],
});
const [port] = await once(server.stdout, "data");
const origin = `http://127.0.0.1:${String(port).trim()}`;
const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 60_000 });

const bare = async () => {
  const res = await request(`${origin}/api/items/?page_size=20`, {
    dispatcher,
    headers: { authorization: "token bench-token", accept: "application/json" },
  });
  JSON.parse(await res.body.text());
};
const http = createHttpClient({
  baseUrl: `${origin}/api/`,
  dispatcher,
  auth: tokenAuth({ token: "bench-token", scheme: "token" }),
});
const core = () => http.request({ method: "GET", path: "/items/", query: { page_size: 20 } });
const withRetry = createHttpClient({ ...http.options, retry: { maxAttempts: 3 } });
const coreRetry = () => withRetry.request({ method: "GET", path: "/items/", query: { page_size: 20 } });
void retry;

/** µs of client CPU per request over `REQUESTS` sequential calls (a connector's and a CLI's pattern). */
async function cpuPerRequest(one) {
  const before = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) await one();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / REQUESTS;
}

const PY_SCRIPT = `
import sys, time, json
import requests
url = sys.argv[1] + "/api/items/?page_size=20"; n = int(sys.argv[2]); kind = sys.argv[3]
if kind == "keystoneauth1":
    from keystoneauth1 import session
    s = session.Session()
    get = lambda: s.get(url, headers={"X-Auth-Token": "bench-token"}, authenticated=False).json()
else:
    s = requests.Session()
    get = lambda: s.get(url, headers={"Authorization": "token bench-token"}).json()
for _ in range(50): get()
t = time.process_time()
for _ in range(n): get()
print((time.process_time() - t) / n * 1e6)
`;
const python = (kind) => {
  if (!existsSync(PYTHON)) return undefined;
  const r = spawnSync(PYTHON, ["-c", PY_SCRIPT, origin, String(Math.min(REQUESTS, 2000)), kind], {
    encoding: "utf8",
  });
  return r.status === 0 ? Number(r.stdout.trim()) : undefined;
};

for (let i = 0; i < 500; i++) await bare(); // warm-up: connection, JIT
for (let i = 0; i < 500; i++) await core();
for (let i = 0; i < 500; i++) await coreRetry();
const results = { "bare undici": [], core: [], "core, retry on": [] };
for (let i = 0; i < ROUNDS; i++) {
  results["bare undici"].push(await cpuPerRequest(bare));
  results.core.push(await cpuPerRequest(core));
  results["core, retry on"].push(await cpuPerRequest(coreRetry));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(results["bare undici"]);
const peers = { "python requests": python("requests"), "python keystoneauth1": python("keystoneauth1") };

console.log(
  `client CPU per request: ${REQUESTS} sequential GETs × ${ROUNDS} rounds, node ${process.version}`,
);
console.table(
  Object.fromEntries(
    [...Object.entries(results).map(([k, xs]) => [k, median(xs)]), ...Object.entries(peers)].map(([k, v]) => [
      k,
      v === undefined
        ? { "µs CPU / request": "not installed" }
        : { "µs CPU / request": +v.toFixed(1), "× bare undici": +(v / base).toFixed(2) },
    ]),
  ),
);
// Lower is better here, so the ratio is ours over the baseline and the target a ceiling.
for (const [name, target] of [
  ["core", 1.1],
  ["core, retry on", undefined],
]) {
  const value = median(results[name]);
  const line = {
    name: `client CPU/request: ${name} vs bare undici`,
    value: +value.toFixed(1),
    baseline: +base.toFixed(1),
  };
  console.log(
    `BENCH ${JSON.stringify({ ...line, ratio: +(value / base).toFixed(3), unit: "µs", target, lowerIsBetter: true })}`,
  );
}
const ks = peers["python keystoneauth1"];
if (ks !== undefined) {
  const value = median(results.core);
  console.log(
    `BENCH ${JSON.stringify({ name: "client CPU/request: core vs python keystoneauth1", value: +value.toFixed(1), baseline: +ks.toFixed(1), ratio: +(value / ks).toFixed(3), unit: "µs", lowerIsBetter: true })}`,
  );
}
await dispatcher.close();
server.stdin.end();
