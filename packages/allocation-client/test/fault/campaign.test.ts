/**
 * Fault campaign: real agent processes (the built agent, `agent-child.mjs`) SIGKILLed at random points of
 * their work (a random number of requests in, then a random instant) and restarted, against the Waldur
 * stand-in injecting 503s, connection resets (before and after applying the request) and stalls longer than
 * the agent's timeout, while consumers order, update and terminate allocations, usage grows and users join
 * and leave. Then the faults stop, one agent runs until the marketplace is quiet, and the outcome must be
 * exact: one backend account per Create order, no order pending or executing, limits and terminations
 * applied, usage totals equal (terminated allocations' too), teams equal.
 *
 * MK_FAULT_KILLS (default 200, as the issue asks) SIGKILLs per campaign; the campaign runs with one agent and
 * with an HA pair.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultWaldurData, type Fault, startWaldur, type WaldurStandIn } from "@meterkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module shared with the child process
import { fileBackend, inspect, setUsage } from "./file-backend.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// Measured on a shared 2-core machine at load 7–20: 200 kills take 150–250 s a campaign, 5.3–8.3 min for
// both; about 0.45 s of CPU a kill, most of it a fresh node process (kills timed 0–400 ms after start
// instead: 3.6 min at load 6–9, but at load 15 a lone agent finished 3 orders under fire; 0–29 requests
// instead of 0–59: no faster, 5.8 min at load 10–12). MK_FAULT_KILLS=50 for a quick local run.
const KILLS = Number(process.env.MK_FAULT_KILLS ?? 200);
const OFFERING = "cf4eb9c29fc74af4ade667fcb53633d5";
const PROJECT = "8a158ebf1abf4c74a431b9c65a0d7829";
const BOB = "0cc72de4ebb840d98fef133e4433ec9a";

beforeAll(() => {
  // The children run the built agent, so build this package first.
  execFileSync(
    process.execPath,
    [path.resolve(here, "../../node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: path.resolve(here, "../.."),
    },
  );
}, 120_000);

let seed = 0x9e3779b9;
function random(): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Account {
  id: string;
  key: string;
  limits: Record<string, number>;
  terminated: boolean;
}

describe.each([1, 2])("fault campaign with %i agent(s)", (agents) => {
  let w: WaldurStandIn;
  let store: string;
  let faulty = true;
  const children = new Set<ChildProcess>();
  afterAll(async () => {
    for (const c of children) c.kill("SIGKILL");
    await w?.close();
    rmSync(store, { recursive: true, force: true });
  });

  it(`${KILLS} SIGKILLs: no duplicate account, nothing left executing, usage exact`, async () => {
    const data = defaultWaldurData();
    data.orders = [];
    data.orderItems = [];
    data.resources = [];
    data.planPeriods = [];
    let requests = 0; // every request the stand-in receives, from any agent
    const faults = (): Fault | undefined => {
      requests++;
      if (!faulty) return undefined;
      const x = random();
      return x < 0.05
        ? "5xx"
        : x < 0.08
          ? "reset"
          : x < 0.11
            ? "reset-after"
            : x < 0.13
              ? "stall"
              : undefined;
    };
    w = await startWaldur({ data, faults, stallMs: 400 });
    store = mkdtempSync(path.join(tmpdir(), "mk-agent-campaign-"));
    // A restart is a fresh process, but module loading is not what the campaign tests: a spare child is
    // kept loaded (waiting on stdin) and told to start the instant an agent is killed. (Two spares loading
    // at once took CPU from the agent at work: far fewer orders finished under fire.)
    const spawnLoaded = () => {
      const child = spawn(process.execPath, [path.join(here, "agent-child.mjs")], {
        env: { ...process.env, WALDUR_URL: w.url, WALDUR_TOKEN: w.token, OFFERING, STORE: store },
        stdio: ["pipe", "pipe", "ignore"],
      });
      children.add(child);
      child.on("exit", () => children.delete(child));
      let out = "";
      const said = (word: string) =>
        new Promise<void>((resolve) => {
          const check = () => out.includes(word) && resolve();
          child.stdout?.on("data", (chunk: Buffer) => {
            out += chunk.toString();
            check();
          });
          child.once("exit", () => resolve());
          check();
        });
      return { child, loaded: said("loaded"), ready: said("ready") };
    };
    let spare = spawnLoaded();
    const start = () => {
      const next = spare;
      spare = spawnLoaded();
      void next.loaded.then(() => next.child.stdin?.end("go\n"));
      return next;
    };
    const running = Array.from({ length: agents }, start);
    const created: { order: string; resource: string }[] = [];
    const lastLimits = new Map<string, Record<string, number>>();
    const terminated = new Set<string>();
    let kills = 0;
    let step = 0;
    while (kills < KILLS) {
      // Consumers act between kills: order, update, terminate; usage grows; a user comes and goes.
      const act = step++ % 4;
      if (act === 0 || created.length < 3) {
        const limits = { cpu_k_hours: step };
        const { order, resource } = w.consumer.create({ name: `alloc-${step}`, limits });
        created.push({ order: order.uuid, resource: resource.uuid });
        lastLimits.set(resource.uuid, limits);
      } else if (act === 1 || act === 2) {
        const live = data.resources.filter((r) => r.state === "OK" && !terminated.has(r.uuid));
        const r = live[Math.floor(random() * live.length)];
        const busy =
          r &&
          data.orders.some(
            (o) => o.resource_uuid === r.uuid && !["done", "erred", "rejected"].includes(o.state),
          );
        if (r && !busy) {
          if (act === 1) {
            const limits = { cpu_k_hours: step * 10 };
            w.consumer.update(r.uuid, limits);
            lastLimits.set(r.uuid, limits);
          } else if (random() < 0.3) {
            w.consumer.terminate(r.uuid);
            terminated.add(r.uuid);
          } else if (r.backend_id)
            setUsage(store, r.backend_id, { cpu_k_hours: step, gpu_k_hours: step / 4 });
        }
      } else if (random() < 0.5) w.consumer.leave(PROJECT, BOB);
      else w.consumer.join(PROJECT, BOB);

      const victim = Math.floor(random() * running.length);
      await running[victim]?.ready;
      // The kill point is a random number of requests into the agent's work (0–59), then a random instant
      // within one: a point in the work, not in wall time, so a loaded machine does not move every kill to
      // the agent's first request. (A stall holds requests: 2 s at most.)
      const target = requests + Math.floor(random() * 60);
      const until = Date.now() + 2000;
      while (requests < target && Date.now() < until && running[victim]?.child.exitCode === null)
        await sleep(5);
      await sleep(random() * 15);
      running[victim]?.child.kill("SIGKILL");
      kills++;
      running[victim] = start();
    }

    // The campaign must have exercised the agents under fire, not only in the quiet phase below.
    const doneUnderFire = data.orders.filter((o) => o.state === "done").length;
    expect(doneUnderFire).toBeGreaterThan(created.length / 10);

    // Quiet: no more faults; the agents finish what is left.
    faulty = false;
    const quiet = () => {
      const open = data.orders.filter((o) => !["done", "erred", "rejected"].includes(o.state));
      if (open.length) return `${open.length} orders open`;
      const { accounts, users } = inspect(store) as { accounts: Account[]; users: (id: string) => string[] };
      for (const r of data.resources.filter((x) => x.state === "OK")) {
        const period = data.planPeriods.find((p) => p.resource_uuid === r.uuid);
        const account = accounts.find((a) => a.id === r.backend_id);
        if (!account) return `no account for ${r.uuid}`;
        const team = data.projects[0]!.members.map(
          (m) => data.users.find((u) => u.uuid === m.user_uuid)!.username,
        ).sort();
        if (JSON.stringify(users(account.id)) !== JSON.stringify(team)) return `team of ${r.uuid}`;
        void period;
      }
      return "";
    };
    const deadline = Date.now() + 60_000;
    while (quiet() !== "" && Date.now() < deadline) await sleep(100);
    await sleep(300); // one more usage pass after the last usage change
    for (const c of [...children]) c.kill("SIGKILL");
    expect(quiet()).toBe("");

    const { accounts } = inspect(store) as { accounts: Account[] };
    // One account per Create order, keyed by the order's UUID, and the resource points at it.
    expect(accounts).toHaveLength(created.length);
    expect(new Set(accounts.map((a) => a.key)).size).toBe(created.length);
    for (const { order, resource } of created) {
      const account = accounts.find((a) => a.key === order);
      const r = data.resources.find((x) => x.uuid === resource)!;
      expect(r.backend_id).toBe(account?.id);
      expect(account?.limits).toEqual(lastLimits.get(resource));
      expect(account?.terminated).toBe(terminated.has(resource));
      expect(r.state).toBe(terminated.has(resource) ? "Terminated" : "OK");
    }
    expect(data.orders.filter((o) => o.state === "executing")).toEqual([]);
    expect(data.orders.every((o) => o.state === "done")).toBe(true);
    // Usage: Waldur holds exactly the backend's totals, of terminated allocations too (their last usage
    // is reported by the Terminate order).
    for (const r of data.resources.filter((x) => x.state === "OK" || x.state === "Terminated")) {
      const { readUsage } = fileBackend(store);
      const usage: Record<string, number> = await readUsage(r.backend_id);
      const period = data.planPeriods.find((p) => p.resource_uuid === r.uuid)!;
      const reported = Object.fromEntries(period.usages.map((u) => [u.type, Number(u.usage)]));
      expect(reported).toEqual(usage);
    }
    console.log(
      `BENCH fault-campaign agents=${agents} kills=${kills} orders=${data.orders.length} doneUnderFire=${doneUnderFire} terminated=${terminated.size} accounts=${accounts.length}`,
    );
  }, 600_000);
});
