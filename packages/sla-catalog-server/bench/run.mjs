// Reads and writes per second and p99 latency of the catalog service — on PGlite, on PostgreSQL with one
// replica and with two — beside the same requests against a bare node:http server answering the same JSON
// from memory (canned-server.mjs: the ceiling of node:http on this machine), all in one run. Every server
// is the real `sla-catalog-server` command in its own process; the load comes from a third (load.mjs).
// Also the cold figure: a fresh process, from spawn to its first answered read.
//
// Run: pnpm --filter @meterkit/sla-catalog-server bench (builds first). PostgreSQL is MK_PG_URL, else the
// one @meterkit/services starts; MK_SLA_CATALOG_PG=off measures PGlite only. Knobs: MK_BENCH_SECONDS (per
// measurement, default 1.5), MK_BENCH_CONCURRENCY (requests in flight, default 16), MK_BENCH_ROUNDS (default
// 3: rounds alternate the order of the configurations, figures are medians). Prints BENCH lines; asserts nothing.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createScratchDatabase } from "../dist/index.js";

const SECONDS = Number(process.env.MK_BENCH_SECONDS ?? 1.5);
const CONCURRENCY = Number(process.env.MK_BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.MK_BENCH_ROUNDS ?? 3);
const PRODUCTS = 50;
const BIN = fileURLToPath(new URL("../bin.js", import.meta.url));
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

async function postgresUrl() {
  if (process.env.MK_SLA_CATALOG_PG === "off") return undefined;
  if (process.env.MK_PG_URL) return process.env.MK_PG_URL;
  const { ensureServices } = await import("@meterkit/services");
  return (await ensureServices(["postgres"])).MK_PG_URL;
}

/** Runs a command of the server to its end; its stdout. */
async function command(args) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (c) => (out += c));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`sla-catalog-server ${args.join(" ")} exited with ${code}: ${out}`);
  return out;
}

const children = [];

/**
 * Spawns a server process and times it from spawn to its first answered read (`read(origin)` resolves once
 * the answer is in). `origin` is read from the first stdout line (the canned server's port, or the
 * catalog's `listening` log entry); later stdout (one log line per request) is read and dropped.
 */
async function startTimed(args, env, parseOrigin, read) {
  const started = performance.now();
  const proc = spawn(process.execPath, args, {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  children.push(proc);
  const origin = await new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (chunk) => {
      buffered += chunk;
      for (const line of buffered.split("\n").slice(0, -1)) {
        const found = parseOrigin(line);
        if (found) {
          proc.stdout.off("data", onData);
          proc.stdout.resume();
          resolve(found);
          return;
        }
      }
    };
    proc.stdout.on("data", onData);
    proc.once("exit", (code) => reject(new Error(`${args.join(" ")} exited early (${code}): ${buffered}`)));
  });
  await read(origin);
  return { proc, origin, coldMs: performance.now() - started };
}

const catalogOrigin = (line) => {
  if (!line.includes('"listening"')) return undefined;
  return new URL(JSON.parse(line).url).href.replace(/\/$/, "");
};

async function api(origin, token, method, path, body) {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text);
}

/** A catalog server on `storage` (flags), with an admin token made beforehand by `token create`. */
async function catalog(storage, token) {
  return startTimed([BIN, "serve", "--port", "0", ...storage], {}, catalogOrigin, (origin) =>
    api(origin, token, "GET", "/parties"),
  );
}

/** One party and PRODUCTS products to read; the product ids' paths. */
async function seed(origin, token) {
  const party = await api(origin, token, "POST", "/parties", { name: "Bench provider" });
  const paths = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const product = await api(origin, token, "POST", "/products", { partyId: party.id, name: `seed ${i}` });
    paths.push(`/products/${product.id}`);
  }
  return { partyId: party.id, paths };
}

async function load(job) {
  const child = spawn(process.execPath, [here("./load.mjs"), JSON.stringify(job)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (c) => (out += c));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  const result = JSON.parse(out);
  if (result.failures > 0)
    throw new Error(`${result.failures} failed requests, first: ${result.firstFailure}`);
  return result;
}

const configs = [];
const tmp = mkdtempSync(join(tmpdir(), "sla-bench-"));
let scratch;
try {
  const adminToken = async (storage) =>
    JSON.parse(
      await command([
        "token",
        "create",
        "--role",
        "admin",
        "--name",
        "bench",
        "--format",
        "json",
        ...storage,
      ]),
    ).token;

  const pgliteStorage = ["--data-dir", join(tmp, "pglite")];
  const pgliteToken = await adminToken(pgliteStorage);
  const pglite = await catalog(pgliteStorage, pgliteToken);
  const pgliteSeed = await seed(pglite.origin, pgliteToken);
  configs.push({
    name: "PGlite",
    targets: [pglite.origin],
    token: pgliteToken,
    ...pgliteSeed,
    coldMs: pglite.coldMs,
  });

  const adminUrl = await postgresUrl();
  if (adminUrl) {
    scratch = await createScratchDatabase(adminUrl, "sla_bench");
    const pgStorage = ["--database-url", scratch.url];
    const pgToken = await adminToken(pgStorage);
    const a = await catalog(pgStorage, pgToken);
    const b = await catalog(pgStorage, pgToken);
    const pgSeed = await seed(a.origin, pgToken);
    configs.push(
      { name: "PostgreSQL ×1", targets: [a.origin], token: pgToken, ...pgSeed, coldMs: a.coldMs },
      { name: "PostgreSQL ×2", targets: [a.origin, b.origin], token: pgToken, ...pgSeed, coldMs: b.coldMs },
    );
  } else console.log("PostgreSQL: off (MK_SLA_CATALOG_PG=off), PGlite only");

  // The baseline answers with the very representation the catalog gives for a product.
  const canned = JSON.stringify(await api(pglite.origin, pgliteToken, "GET", pgliteSeed.paths[0]));
  const bare = await startTimed(
    [here("./canned-server.mjs")],
    { MK_BENCH_CANNED: canned },
    (line) => (/^\d+$/.test(line.trim()) ? `http://127.0.0.1:${line.trim()}` : undefined),
    (origin) => fetch(`${origin}/parties`).then((r) => r.text()),
  );
  configs.unshift({
    name: "bare node:http",
    targets: [bare.origin],
    token: "none",
    paths: pgliteSeed.paths,
    partyId: 1,
    coldMs: bare.coldMs,
  });

  // Warm-up (connections, JIT, caches), not recorded.
  for (const c of configs) {
    const base = { targets: c.targets, token: c.token, concurrency: CONCURRENCY, seconds: 0.5 };
    await load({ ...base, mode: "read", paths: c.paths });
    await load({ ...base, mode: "write", body: { partyId: c.partyId } });
  }
  for (const c of configs) Object.assign(c, { reads: [], writes: [] });
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? configs : [...configs].reverse();
    for (const c of order) {
      const base = { targets: c.targets, token: c.token, concurrency: CONCURRENCY, seconds: SECONDS };
      c.reads.push(await load({ ...base, mode: "read", paths: c.paths }));
      c.writes.push(await load({ ...base, mode: "write", body: { partyId: c.partyId } }));
    }
  }
} finally {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    const exited = once(child, "exit");
    child.stdin.end();
    child.kill("SIGTERM");
    await exited;
  }
  await scratch?.drop();
  rmSync(tmp, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figure = (c, kind, key) => median(c[kind].map((r) => r[key]));
console.log(
  `sla-catalog-server: ${SECONDS} s per measurement × ${ROUNDS} round(s), ${CONCURRENCY} in flight, ` +
    `GET /products/{id} over ${PRODUCTS} products, POST /products; node ${process.version}`,
);
console.table(
  Object.fromEntries(
    configs.map((c) => [
      c.name,
      {
        "reads/s": figure(c, "reads", "perSecond"),
        "read p50 ms": figure(c, "reads", "p50Ms"),
        "read p99 ms": figure(c, "reads", "p99Ms"),
        "writes/s": figure(c, "writes", "perSecond"),
        "write p50 ms": figure(c, "writes", "p50Ms"),
        "write p99 ms": figure(c, "writes", "p99Ms"),
        "cold ms": Math.round(c.coldMs),
      },
    ]),
  ),
);

const bench = (name, value, baseline, unit, lowerIsBetter) => {
  const ratio = baseline ? +(value / baseline).toFixed(3) : null;
  console.log(
    `BENCH ${JSON.stringify({ name, value, baseline, ratio, unit, ...(lowerIsBetter ? { lowerIsBetter } : {}) })}`,
  );
};
const [base, ...served] = configs;
for (const c of served) {
  const vs = `${c.name} vs bare node:http`;
  bench(`reads/s, ${vs}`, figure(c, "reads", "perSecond"), figure(base, "reads", "perSecond"), "req/s");
  bench(`read p99, ${vs}`, figure(c, "reads", "p99Ms"), figure(base, "reads", "p99Ms"), "ms", true);
  bench(`writes/s, ${vs}`, figure(c, "writes", "perSecond"), figure(base, "writes", "perSecond"), "req/s");
  bench(`write p99, ${vs}`, figure(c, "writes", "p99Ms"), figure(base, "writes", "p99Ms"), "ms", true);
  // The second replica's start is the first's again (same database, migrations already applied).
  if (c.name !== "PostgreSQL ×2")
    bench(`cold start to first read, ${vs}`, Math.round(c.coldMs), Math.round(base.coldMs), "ms", true);
}
const one = served.find((c) => c.name === "PostgreSQL ×1");
const two = served.find((c) => c.name === "PostgreSQL ×2");
if (one && two) {
  bench(
    "reads/s, PostgreSQL ×2 vs ×1",
    figure(two, "reads", "perSecond"),
    figure(one, "reads", "perSecond"),
    "req/s",
  );
  bench(
    "writes/s, PostgreSQL ×2 vs ×1",
    figure(two, "writes", "perSecond"),
    figure(one, "writes", "perSecond"),
    "req/s",
  );
}
