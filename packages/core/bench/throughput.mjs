// Requests per second through @meterkit/core vs. a bare undici request() loop, against the same local
// server, in the same run. Rounds alternate (bare, core, bare, core…) so machine noise hits both alike.
// Run: pnpm --filter @meterkit/core bench   (after build). Prints ratios; asserts nothing.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { Agent, request } from "undici";
import { createHttpClient, retry, tokenAuth } from "../dist/index.js";

const REQUESTS = Number(process.env.MK_BENCH_REQUESTS ?? 20_000);
const CONCURRENCY = Number(process.env.MK_BENCH_CONCURRENCY ?? 32);
const ROUNDS = Number(process.env.MK_BENCH_ROUNDS ?? 3);

// The server runs in its own process: its work is not the client's.
const server = spawn(process.execPath, [fileURLToPath(new URL("./canned-server.mjs", import.meta.url))], {
  stdio: ["pipe", "pipe", "inherit"],
});
const [port] = await once(server.stdout, "data");
const origin = `http://127.0.0.1:${String(port).trim()}`;
const dispatcher = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 10_000 });

async function run(one) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) await one();
    }),
  );
  return REQUESTS / ((performance.now() - started) / 1000);
}

const bare = async () => {
  const res = await request(`${origin}/api/items/?page_size=20`, {
    dispatcher,
    headers: { authorization: "token t" },
  });
  JSON.parse(await res.body.text());
};
const http = createHttpClient({
  baseUrl: `${origin}/api/`,
  dispatcher,
  auth: tokenAuth({ token: "bench-token", scheme: "token" }),
});
const core = async () => {
  await http.request({ method: "GET", path: "/items/", query: { page_size: 20 } });
};
const withRetry = http.with({ middleware: [retry()] });
const coreRetry = async () => {
  await withRetry.request({ method: "GET", path: "/items/", query: { page_size: 20 } });
};

await run(bare); // warm-up: connections, JIT
await run(core);
const results = { bare: [], core: [], "core+retry": [] };
for (let i = 0; i < ROUNDS; i++) {
  results.bare.push(await run(bare));
  results.core.push(await run(core));
  results["core+retry"].push(await run(coreRetry));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(results.bare);
console.log(
  `core throughput: ${REQUESTS} GETs × ${ROUNDS} rounds, concurrency ${CONCURRENCY}, node ${process.version}`,
);
console.table(
  Object.fromEntries(
    Object.entries(results).map(([name, xs]) => [
      name,
      { "req/s (median)": Math.round(median(xs)), "ratio vs bare undici": +(median(xs) / base).toFixed(3) },
    ]),
  ),
);
console.log(`ratio core/bare = ${(median(results.core) / base).toFixed(3)} (target ≥ 0.85)`);
// One machine-readable line per ratio, collected by the root `pnpm bench` (tooling/bench/run.mjs).
for (const [name, target] of [
  ["core", 0.85],
  ["core+retry", undefined],
]) {
  const value = median(results[name]);
  const line = { name: `${name} vs bare undici`, value: Math.round(value), baseline: Math.round(base) };
  console.log(
    `BENCH ${JSON.stringify({ ...line, ratio: +(value / base).toFixed(3), unit: "req/s", target })}`,
  );
}
await dispatcher.close();
server.stdin.end();
