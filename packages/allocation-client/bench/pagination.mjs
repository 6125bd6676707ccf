#!/usr/bin/env node
/**
 * Client CPU per item of pagination, as users feel it: every `marketplace-resources` item of a 100,000-
 * resource Waldur stand-in (bench/waldur-server.mjs, its own process), walked by
 *
 * - the client: `createWaldurClient(...).resources.list()` (zod validation of every item included);
 * - python-waldur-client's own loop (bench/waldur_pagination.py, Debian's /usr/bin/python3 + requests);
 * - a bare undici loop (`request()`, `JSON.parse`, the `Link` next URL): the floor for Node.
 *
 * Each walker is a process of its own, and its CPU is its own `process.cpuUsage()` (user + system; Python:
 * `time.process_time()`) around one full pass. Cold: a fresh process's first pass (MK_BENCH_COLD samples,
 * median). Warm: one long-lived process per walker, passes interleaved round by round (MK_BENCH_ROUNDS),
 * best and median. Memory: the client's peak heap above a GC'd start over all the items vs over a quarter
 * of them (flat: it streams, it does not collect), and the most still live after a GC. Prints a table and
 * BENCH lines (tooling/bench/table.mjs); asserts no time. Needs `dist/` (the root `pnpm bench` builds
 * first). Knobs: BENCH_RESOURCES (100,000), BENCH_PAGE_SIZE (200, the reference's), MK_BENCH_ROUNDS (5),
 * MK_BENCH_COLD (3), MK_BENCH_PY_VERSION (0.6.4, or 0.1.5); MK_BENCH_BEFORE_DIST, a directory holding
 * another build of this package's dist/ (e.g. the last commit's), adds it as a fourth walker,
 * "client (before)", measured in the same rounds.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { printBench } from "../../../tooling/bench/table.mjs";

const SELF = fileURLToPath(import.meta.url);
const PYTHON = "/usr/bin/python3";
const TOTAL = Number(process.env.BENCH_RESOURCES ?? 100_000);
const PAGE = Number(process.env.BENCH_PAGE_SIZE ?? 200);
const ROUNDS = Number(process.env.MK_BENCH_ROUNDS ?? 5);
const COLD = Number(process.env.MK_BENCH_COLD ?? 3);
const BEFORE = process.env.MK_BENCH_BEFORE_DIST;
// Which python-waldur-client loop the Python walker mirrors: 0.6.4 (default) or 0.1.5 (re-sends the params).
const PY_VERSION = process.env.MK_BENCH_PY_VERSION === "0.1.5" ? "0.1.5" : "0.6.4";

if (process.argv[2] === "--walker") await walker(process.argv[3], process.argv[4], process.argv[5]);
else await main();

/** A child that walks the list once per `run` (or `heap <limit>`) line on stdin, answering one JSON line. */
async function walker(kind, url, token) {
  const walk =
    kind === "undici"
      ? await undiciWalk(url, token)
      : await clientWalk(
          url,
          token,
          kind === "before" ? pathToFileURL(`${BEFORE}/index.js`).href : "../dist/index.js",
        );
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, arg] = line.split(" ");
    if (command === "run") {
      const before = process.cpuUsage();
      const items = await walk(Number.POSITIVE_INFINITY);
      const used = process.cpuUsage(before);
      const maxRssMb = process.resourceUsage().maxRSS / 1024;
      console.log(JSON.stringify({ cpu: (used.user + used.system) / 1e6, items, maxRssMb }));
    } else if (command === "heap") {
      globalThis.gc?.();
      const base = process.memoryUsage().heapUsed;
      let peak = base;
      let live = base;
      const items = await walk(Number(arg), (n) => {
        // Every 500 items: often enough to catch a page's worth of garbage. Every 10,000 also what is still
        // live after a GC: what the walk retains, garbage aside.
        if (n % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
        if (n % 10_000 === 0) {
          globalThis.gc?.();
          live = Math.max(live, process.memoryUsage().heapUsed);
        }
      });
      const mb = (x) => (x - base) / 2 ** 20;
      console.log(JSON.stringify({ items, peakHeapMb: mb(peak), liveHeapMb: mb(live) }));
    }
  }
}

async function clientWalk(url, token, dist) {
  const { createWaldurClient } = await import(dist);
  const waldur = createWaldurClient({ baseUrl: url, token, pageSize: PAGE });
  return async (limit, onItem) => {
    let n = 0;
    const options = Number.isFinite(limit) ? { limit } : {};
    for await (const _ of waldur.resources.list({}, options)) {
      n++;
      onItem?.(n);
    }
    return n;
  };
}

async function undiciWalk(url, token) {
  const { request } = await import("undici");
  const headers = { authorization: `token ${token}`, accept: "application/json" };
  return async (limit, onItem) => {
    let next = `${url}marketplace-resources/?page_size=${PAGE}`;
    let n = 0;
    while (next && n < limit) {
      const res = await request(next, { headers });
      const items = JSON.parse(await res.body.text());
      for (const _ of items) {
        if (n >= limit) break;
        n++;
        onItem?.(n);
      }
      next = /<([^>]*)>;\s*rel="next"/.exec(String(res.headers.link ?? ""))?.[1];
    }
    return n;
  };
}

/** A walker process: `run()` sends one command and resolves with its JSON answer. */
function startWalker(kind, url, token) {
  const command =
    kind === "python"
      ? [
          PYTHON,
          fileURLToPath(new URL("./waldur_pagination.py", import.meta.url)),
          url,
          token,
          "--page-size",
          String(PAGE),
          "--version",
          PY_VERSION,
        ]
      : [process.execPath, "--expose-gc", SELF, "--walker", kind, url, token];
  const child = spawn(command[0], command.slice(1), { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async run(line = "run") {
      child.stdin.write(`${line}\n`);
      const { value, done } = await lines.next();
      if (done) throw new Error(`${kind} walker exited`);
      return JSON.parse(value);
    },
    async close() {
      child.stdin.end();
      if (child.exitCode === null) await once(child, "exit");
    },
  };
}

async function main() {
  const server = spawn(
    process.execPath,
    [fileURLToPath(new URL("./waldur-server.mjs", import.meta.url)), String(TOTAL)],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const [first] = await once(server.stdout, "data");
  const [url, token] = String(first).trim().split(" ");
  const kinds = [
    "undici",
    "client",
    ...(BEFORE ? ["before"] : []),
    ...(existsSync(PYTHON) ? ["python"] : []),
  ];
  const cold = Object.fromEntries(kinds.map((k) => [k, []]));
  const warm = Object.fromEntries(kinds.map((k) => [k, []]));
  const rss = {};
  const kept = {};
  try {
    // Cold samples interleaved, walker by walker; the last process of each kind stays for the warm rounds.
    for (let s = 0; s < COLD; s++) {
      for (const kind of kinds) {
        const w = startWalker(kind, url, token);
        const r = await w.run();
        check(kind, r.items);
        cold[kind].push(r.cpu);
        if (s < COLD - 1) await w.close();
        else kept[kind] = w;
      }
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of kinds) {
        const r = await kept[kind].run();
        check(kind, r.items);
        warm[kind].push(r.cpu);
        rss[kind] = r.maxRssMb;
      }
    }
    const heap = {};
    for (const kind of kinds.filter((k) => k !== "python")) {
      const all = await kept[kind].run(`heap ${TOTAL}`);
      const quarter = await kept[kind].run(`heap ${Math.floor(TOTAL / 4)}`);
      heap[kind] = { all: all.peakHeapMb, quarter: quarter.peakHeapMb, live: all.liveHeapMb };
    }
    report(kinds, cold, warm, rss, heap);
  } finally {
    await Promise.all(Object.values(kept).map((w) => w.close()));
    server.stdin.end();
  }
}

function check(kind, items) {
  if (items !== TOTAL) throw new Error(`${kind} walked ${items} items, expected ${TOTAL}`);
}

function report(kinds, cold, warm, rss, heap) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const best = (xs) => Math.min(...xs);
  const per100k = (s) => (s * 100_000) / TOTAL;
  const names = {
    undici: "bare undici loop",
    client: "allocation-client",
    before: "allocation-client (before)",
    python: `python-waldur-client ${PY_VERSION}`,
  };
  console.log(
    `client CPU to walk ${TOTAL} marketplace-resources, ${PAGE} a page, server in its own process; node ${process.version}`,
  );
  console.table(
    Object.fromEntries(
      kinds.map((k) => [
        names[k],
        {
          "cold s/100k (median)": +per100k(median(cold[k])).toFixed(3),
          "warm s/100k (best)": +per100k(best(warm[k])).toFixed(3),
          "warm s/100k (median)": +per100k(median(warm[k])).toFixed(3),
          "peak RSS MB": Math.round(rss[k]),
          "peak heap Δ MB all / ¼": heap[k]
            ? `${heap[k].all.toFixed(1)} / ${heap[k].quarter.toFixed(1)}`
            : "-",
          "live heap Δ MB": heap[k] ? +heap[k].live.toFixed(1) : "-",
        },
      ]),
    ),
  );
  const line = (name, value, baseline, unit, target) =>
    printBench({
      name,
      value: +value.toFixed(3),
      baseline: +baseline.toFixed(3),
      unit,
      target,
      lowerIsBetter: true,
    });
  if (kinds.includes("python")) {
    line(
      "allocation pagination CPU, warm (best): client vs python-waldur-client",
      per100k(best(warm.client)),
      per100k(best(warm.python)),
      "s/100k items",
      1,
    );
    line(
      "allocation pagination CPU, cold: client vs python-waldur-client",
      per100k(median(cold.client)),
      per100k(median(cold.python)),
      "s/100k items",
      1,
    );
  }
  line(
    "allocation pagination CPU, warm (best): client vs bare undici",
    per100k(best(warm.client)),
    per100k(best(warm.undici)),
    "s/100k items",
  );
  if (BEFORE)
    line(
      "allocation pagination CPU, warm (best): client vs the build before",
      per100k(best(warm.client)),
      per100k(best(warm.before)),
      "s/100k items",
    );
  line("allocation peak heap Δ, all vs a quarter of the items", heap.client.all, heap.client.quarter, "MB");
}
