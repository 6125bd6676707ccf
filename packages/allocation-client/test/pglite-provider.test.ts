/**
 * The example provider (examples/pglite-provider: accounts in a PGlite directory) runs the agent against the
 * Waldur stand-in through a scripted month on a simulated clock — March 2026, one tick a day: consumers
 * order, update and terminate allocations, one order the policy rejects and one the backend refuses, the
 * scheduler's accounting grows every day, users join and leave projects, and mid-month the provider is
 * stopped and reopened from its data directory. Each tick the consumers act, the day's jobs are recorded,
 * then the agent makes one pass of each loop (`agent.once()`: orders, usage, membership). The final
 * state — accounts, limits, users, orders, resources, usage per component and plan period, offering
 * users — must equal the expected one, written out below by hand from the script, and a further tick must
 * change nothing.
 * Then `main.ts`, the example's service entry point, runs as its own process until SIGTERM.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defaultWaldurData, startWaldur, type WaldurStandIn } from "@meterkit/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
// @ts-expect-error: the release tooling's plain ES module
import { toRunnableJs } from "../../../tooling/release/readme-example.mjs";
import type { Provider } from "../examples/pglite-provider/provider.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OFFERING = "cf4eb9c29fc74af4ade667fcb53633d5";
const CLIMATE = "8a158ebf1abf4c74a431b9c65a0d7829"; // the default project: csc_api_user, etais_api_user
const CHEMISTRY = "c4e0000000000000000000000000000b";
const CUSTOMER = "d42a18b6b8ba4c2bb0591b3ff8fb181d";
const user = (n: number) => `a11ce000000000000000000000000${String(n).padStart(3, "0")}`;
const [ALICE, BOB, CAROL] = [user(1), user(2), user(3)];
const ETAIS = "0cc72de4ebb840d98fef133e4433ec9a";

let dataDir: string;
let startProvider: typeof import("../examples/pglite-provider/provider.js").startProvider;
beforeAll(async () => {
  // The example imports the package by name (its exports → dist), as a user's code would.
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    { cwd: root },
  );
  ({ startProvider } = await import("../examples/pglite-provider/provider.js"));
  dataDir = mkdtempSync(path.join(tmpdir(), "mk-pglite-provider-"));
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const day = (d: number, hour = 0) => new Date(Date.UTC(2026, 2, d, hour));

it("a scripted month ends in exactly the expected state", async () => {
  let now = day(1);
  const data = defaultWaldurData();
  Object.assign(data, { orders: [], orderItems: [], resources: [], planPeriods: [], offeringUsers: [] });
  for (const [uuid, username] of [
    [ALICE, "alice"],
    [BOB, "bob"],
    [CAROL, "carol"],
  ] as const)
    data.users.push({
      uuid,
      username,
      full_name: username,
      email: `${username}@example.org`,
      organization: "UT",
    });
  data.projects.push({
    uuid: CHEMISTRY,
    name: "Chemistry",
    customer_uuid: CUSTOMER,
    members: [{ user_uuid: CAROL, role: "admin" }],
  });
  const w: WaldurStandIn = await startWaldur({ data, now: () => now });
  const open = () =>
    startProvider({
      waldur: { baseUrl: w.url, token: w.token },
      offerings: [OFFERING],
      dataDir,
      now: () => now,
    });
  let provider: Provider = await open();
  const resourceNamed = (name: string) => {
    const live = data.resources.filter((r) => r.name === name);
    return live.find((r) => r.state !== "Erred" && r.state !== "Terminated") ?? live.at(-1)!;
  };
  const accountOf = (name: string) => resourceNamed(name).backend_id;
  const orderOf = new Map<string, string>(); // label → order UUID

  try {
    for (let d = 1; d <= 31; d++) {
      now = day(d, 8);
      // The consumers, in the morning.
      const c = w.consumer;
      if (d === 1) {
        orderOf.set(
          "climate",
          c.create({ name: "climate", limits: { cpu_k_hours: 1000, gpu_k_hours: 100 } }).order.uuid,
        );
        orderOf.set(
          "chem",
          c.create({ name: "chem", project: CHEMISTRY, limits: { cpu_k_hours: 500 } }).order.uuid,
        );
      }
      if (d === 5) c.join(CHEMISTRY, ALICE);
      if (d === 8)
        orderOf.set(
          "chem-big",
          c.create({ name: "chem-big", project: CHEMISTRY, limits: { cpu_k_hours: 90_000 } }).order.uuid,
        );
      if (d === 10)
        orderOf.set(
          "climate+",
          c.update(resourceNamed("climate").uuid, { cpu_k_hours: 2000, gpu_k_hours: 200 }).uuid,
        );
      if (d === 12)
        orderOf.set("climate-again", c.create({ name: "climate", limits: { cpu_k_hours: 10 } }).order.uuid);
      if (d === 15) c.leave(CLIMATE, ETAIS);
      if (d === 18)
        orderOf.set(
          "chem-gpu",
          c.create({ name: "chem-gpu", project: CHEMISTRY, limits: { gpu_k_hours: 50 } }).order.uuid,
        );
      if (d === 20) orderOf.set("chem-", c.terminate(resourceNamed("chem").uuid).uuid);
      if (d === 25) c.join(CLIMATE, BOB);
      if (d === 28)
        orderOf.set("chem-gpu+", c.update(resourceNamed("chem-gpu").uuid, { gpu_k_hours: 80 }).uuid);
      if (d === 29) c.leave(CHEMISTRY, ALICE);
      // The scheduler's accounting: the day's jobs of every account the day before was live.
      if (d >= 2) {
        await provider.recordUsage(accountOf("climate"), "cpu_k_hours", 10.25, day(d, 3));
        await provider.recordUsage(accountOf("climate"), "gpu_k_hours", d % 2 ? 1.5 : 0.75, day(d, 4));
        if (d <= 20) await provider.recordUsage(accountOf("chem"), "cpu_k_hours", 4.5, day(d, 5));
        if (d >= 19) await provider.recordUsage(accountOf("chem-gpu"), "gpu_k_hours", 2.25, day(d, 6));
      }
      // Mid-month the provider's service restarts: everything it knows comes back from its data directory.
      if (d === 14) {
        await provider.close();
        provider = await open();
      }
      now = day(d, 20);
      await provider.agent.once();
    }

    const expected = {
      accounts: [
        {
          id: "proj_0001",
          orderKey: orderOf.get("climate"),
          name: "climate",
          limits: { cpu_k_hours: 2000, gpu_k_hours: 200 },
          terminated: false,
          users: ["bob", "csc_api_user"],
        },
        {
          id: "proj_0002",
          orderKey: orderOf.get("chem"),
          name: "chem",
          limits: { cpu_k_hours: 500 },
          terminated: true,
          users: [],
        },
        {
          id: "proj_0003",
          orderKey: orderOf.get("chem-gpu"),
          name: "chem-gpu",
          limits: { gpu_k_hours: 80 },
          terminated: false,
          users: ["carol"],
        },
      ],
      orders: {
        climate: ["done", ""],
        chem: ["done", ""],
        "chem-big": ["rejected", ""],
        "climate+": ["done", ""],
        "climate-again": ["erred", "an active account is already named climate"],
        "chem-gpu": ["done", ""],
        "chem-": ["done", ""],
        "chem-gpu+": ["done", ""],
      },
      resources: [
        ["climate", "OK", "proj_0001", { cpu_k_hours: 2000, gpu_k_hours: 200 }],
        ["chem", "Terminated", "proj_0002", { cpu_k_hours: 500 }],
        ["chem-big", "Terminated", "", {}],
        ["climate", "Erred", "", {}],
        ["chem-gpu", "OK", "proj_0003", { gpu_k_hours: 80 }],
      ],
      // Days 2–31: climate CPU 30 × 10.25; GPU 15 odd days × 1.50 + 15 even × 0.75; chem CPU days 2–20
      // 19 × 4.50 (day 20 reported by the agent before it terminates chem that evening); chem-gpu GPU
      // days 19–31 13 × 2.25.
      usage: [
        ["climate", "2026-03-01T00:00:00.000Z", { cpu_k_hours: "307.50", gpu_k_hours: "33.75" }],
        ["chem", "2026-03-01T00:00:00.000Z", { cpu_k_hours: "85.50" }],
        ["chem-gpu", "2026-03-01T00:00:00.000Z", { gpu_k_hours: "29.25" }],
      ],
      offeringUsers: ["alice", "bob", "carol", "csc_api_user", "etais_api_user"],
    };
    const actual = async () => ({
      accounts: await provider.accounts(),
      orders: Object.fromEntries(
        [...orderOf].map(([label, uuid]) => {
          const o = data.orders.find((x) => x.uuid === uuid)!;
          return [label, [o.state, o.error_message ?? ""]];
        }),
      ),
      resources: data.resources.map((r) => [r.name, r.state, r.backend_id, r.limits]),
      usage: data.planPeriods.map((p) => [
        data.resources.find((r) => r.uuid === p.resource_uuid)!.name,
        p.start,
        Object.fromEntries(p.usages.map((u) => [u.type, u.usage])),
      ]),
      offeringUsers: data.offeringUsers.map((u) => u.username).sort(),
    });
    expect(await actual()).toEqual(expected);
    expect(data.orders).toHaveLength(Object.keys(expected.orders).length);

    // Nothing is left to do: another day's passes change nothing anywhere.
    const before = JSON.stringify(data);
    await provider.agent.once();
    expect(JSON.stringify(data)).toBe(before);
    expect(await actual()).toEqual(expected);
    expect(provider.agent.status.orders.failures + provider.agent.status.usage.failures).toBe(0);
  } finally {
    await provider.close();
    await w.close();
  }
}, 120_000);

it("main.ts serves the offering until SIGTERM, its accounts kept in PROVIDER_DB", async () => {
  // The example's two files, types stripped, inside the package (so its name resolves as a user's would).
  const run = path.join(root, "test", `.pglite-main-${process.pid}`);
  const db = mkdtempSync(path.join(tmpdir(), "mk-pglite-main-"));
  mkdirSync(run);
  const w = await startWaldur();
  try {
    for (const file of ["provider", "main"]) {
      const source = readFileSync(path.join(root, "examples/pglite-provider", `${file}.ts`), "utf8");
      writeFileSync(path.join(run, `${file}.js`), toRunnableJs(source));
    }
    const child = spawn(process.execPath, [path.join(run, "main.js")], {
      env: {
        ...process.env,
        WALDUR_URL: w.url,
        WALDUR_TOKEN: w.token,
        WALDUR_OFFERING: OFFERING,
        PROVIDER_DB: db,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const events: { message: string }[] = [];
    let buffered = "";
    const done = new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) events.push(JSON.parse(line));
        if (events.filter((e) => e.message === "order.done").length === 2) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await Promise.race([done, exited]);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(events.filter((e) => e.message === "loop.stopped")).toHaveLength(3);

    const orders = w.data.orders;
    expect(orders.map((o) => o.state)).toEqual(["done", "done"]);
    const provider = await startProvider({
      waldur: { baseUrl: w.url, token: w.token },
      offerings: [OFFERING],
      dataDir: db,
    });
    try {
      const accounts = await provider.accounts();
      expect(accounts.map((a) => a.orderKey).sort()).toEqual(orders.map((o) => o.uuid).sort());
      for (const o of orders) {
        const resource = w.data.resources.find((r) => r.uuid === o.resource_uuid)!;
        expect(accounts.find((a) => a.orderKey === o.uuid)?.id).toBe(resource.backend_id);
      }
    } finally {
      await provider.close();
    }
  } finally {
    await w.close();
    rmSync(run, { recursive: true, force: true });
    rmSync(db, { recursive: true, force: true });
  }
}, 120_000);
