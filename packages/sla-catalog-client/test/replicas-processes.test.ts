/**
 * Two server PROCESSES on one real PostgreSQL (tooling/services), 50 concurrent writers spread across both:
 * most through the client library, some through `sla-catalog` CLI processes. Afterwards the database itself
 * (SQL, not the API) must hold every acknowledged create exactly once, none of the acknowledged deletes, and
 * no dangling reference. Then one replica is SIGKILLed while writes are in flight: everything it
 * acknowledged is there, everything else is whole or absent, and the survivor goes on serving. No timing is
 * asserted: the kill happens after a count of acknowledgements, not after a delay.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createScratchDatabase, type ScratchDatabase } from "@meterkit/sla-catalog-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CatalogError, createCatalogClient } from "../src/index.js";
import { BIN } from "./support/service.js";

const require = createRequire(import.meta.url);
const SERVER_DIR = dirname(require.resolve("@meterkit/sla-catalog-server/package.json"));
const SERVER_BIN = join(SERVER_DIR, "bin.js");
// pg is the server's dependency; the SQL checks borrow it from there rather than adding it to the client.
interface PgClient {
  connect(): Promise<void>;
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}
const pg = createRequire(join(SERVER_DIR, "package.json"))("pg") as {
  Client: new (options: { connectionString: string }) => PgClient;
};

const adminUrl = process.env.MK_SLA_CATALOG_PG === "off" ? undefined : await postgres();
async function postgres(): Promise<string | undefined> {
  if (process.env.MK_PG_URL) return process.env.MK_PG_URL;
  const { ensureServices } = await import("@meterkit/services");
  return (await ensureServices(["postgres"])).MK_PG_URL;
}

let db: ScratchDatabase;
let token = "";
const replicas: { proc: ChildProcess; url: string }[] = [];

function run(
  bin: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

function startReplica(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [SERVER_BIN, "serve", "--port", "0", "--database-url", db.url], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let buffered = "";
    proc.once("exit", (code) => reject(new Error(`replica exited early with ${code}`)));
    proc.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split("\n").find((l) => l.includes('"listening"'));
      if (line) resolve({ proc, url: (JSON.parse(line) as { url: string }).url });
    });
  });
}

beforeAll(async () => {
  if (!adminUrl) return;
  db = await createScratchDatabase(adminUrl, "sla_replicas");
  const made = await run(SERVER_BIN, [
    "token",
    "create",
    "--role",
    "admin",
    "--name",
    "replicas",
    "--database-url",
    db.url,
    "--format",
    "json",
  ]);
  expect(made.code, made.out).toBe(0);
  token = (JSON.parse(made.out) as { token: string }).token;
  replicas.push(await startReplica(), await startReplica());
}, 60_000);

afterAll(async () => {
  for (const r of replicas)
    if (r.proc.exitCode === null && r.proc.signalCode === null) r.proc.kill("SIGTERM");
  await Promise.all(
    replicas.map(
      (r) =>
        new Promise((resolve) =>
          r.proc.exitCode !== null || r.proc.signalCode !== null
            ? resolve(undefined)
            : r.proc.once("exit", resolve),
        ),
    ),
  );
  await db?.drop();
});

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const refusal = (e: unknown) => (e instanceof CatalogError ? e.status : Number.NaN);

it.skipIf(!adminUrl)(
  "50 mixed writers on two replicas: nothing lost, nothing doubled, no dangling reference",
  async () => {
    const clients = replicas.map((r) => createCatalogClient({ baseUrl: r.url, token }));
    const [a] = clients;
    if (!a) throw new Error("no replica");
    const party = await a.parties.create({ name: "shared" });
    // Contested products: offers are created on them while other writers try to delete them.
    const contested = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => a.products.create({ partyId: party.id, name: `contested ${i}` })),
    );
    const uuid = "replicas-template-1";
    await a.templates.create({ content: templateXml(uuid) });
    const createdProducts: number[] = [];
    const deletedProducts: number[] = [];
    const createdOffers: { id: number; productId: number }[] = [];
    const refusedOffers: number[] = [];

    const clientWriter = async (w: number) => {
      const c = clients[w % 2] as (typeof clients)[number];
      const mine = await c.products.create({ partyId: party.id, name: `w${w}` });
      createdProducts.push(mine.id);
      const target = contested[w % contested.length]?.id as number;
      if (w % 3 === 0) {
        // The race: delete a contested product while others reference it.
        try {
          await c.products.delete({ productId: target });
          deletedProducts.push(target);
        } catch (e) {
          expect([404, 409]).toContain(refusal(e));
        }
      } else {
        try {
          const offer = await c.offers.create({ productId: target, partyId: party.id, templateId: uuid });
          createdOffers.push({ id: offer.id, productId: target });
        } catch (e) {
          expect([404, 409, 422]).toContain(refusal(e));
          refusedOffers.push(target);
        }
      }
      if (w % 4 === 1) {
        await c.products.delete({ productId: mine.id });
        deletedProducts.push(mine.id);
      }
    };
    const cliWriter = async (w: number) => {
      const url = replicas[w % 2]?.url as string;
      const added = await run(
        BIN,
        ["AddProduct", "-p", String(party.id), "-n", `cli ${w}`, "-url", url, "--format", "json"],
        { SLA_CATALOG_TOKEN: token },
      );
      expect(added.code, added.out).toBe(0);
      const id = (JSON.parse(added.out) as { id: number }).id;
      createdProducts.push(id);
      if (w % 2 === 0) {
        const gone = await run(BIN, ["DeleteProduct", "-id", String(id), "-token", token, "-url", url]);
        expect(gone.code, gone.out).toBe(0);
        deletedProducts.push(id);
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, w) => (w % 8 === 7 ? cliWriter(w) : clientWriter(w))));

    const rows = await sql<{ id: number }>("select id from products");
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(createdProducts).size).toBe(createdProducts.length);
    for (const id of createdProducts)
      expect(ids.filter((x) => x === id).length, `product ${id}`).toBe(deletedProducts.includes(id) ? 0 : 1);
    for (const id of deletedProducts) expect(ids).not.toContain(id);
    const offers = await sql<{ id: number; product_id: number }>("select id, product_id from product_offers");
    expect(offers.map((o) => o.id).sort()).toEqual(createdOffers.map((o) => o.id).sort());
    for (const o of createdOffers)
      expect(deletedProducts, `offer ${o.id} references a deleted product`).not.toContain(o.productId);
    const dangling = await sql(
      "select o.id from product_offers o left join products p on p.id = o.product_id where p.id is null",
    );
    expect(dangling).toEqual([]);
    // A refused offer was refused because its product was gone (or being deleted), never silently kept.
    for (const target of refusedOffers) expect(deletedProducts).toContain(target);
  },
  60_000,
);

it.skipIf(!adminUrl)(
  "SIGKILL of one replica mid-write loses nothing acknowledged; the survivor serves",
  async () => {
    const [survivor, victim] = replicas;
    if (!survivor || !victim) throw new Error("no replicas");
    const s = createCatalogClient({ baseUrl: survivor.url, token });
    const v = createCatalogClient({ baseUrl: victim.url, token, timeoutMs: 20_000 });
    const party = await s.parties.create({ name: "kill" });
    const acked: number[] = [];
    const attempted: string[] = [];
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; i < 20 && !killed; i++) {
        const name = `kill w${w} #${i}`;
        attempted.push(name);
        try {
          const p = await v.products.create({ partyId: party.id, name, description: `full row ${name}` });
          acked.push(p.id);
          if (acked.length === 40 && !killed) {
            killed = true;
            victim.proc.kill("SIGKILL");
          }
        } catch {
          return; // the victim is gone: this write was not acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, w) => writer(w)));
    expect(killed).toBe(true);
    // The other writers had requests out when the process died: those were never acknowledged.
    expect(attempted.length).toBeGreaterThan(acked.length);
    await new Promise((resolve) =>
      victim.proc.signalCode ? resolve(undefined) : victim.proc.once("exit", resolve),
    );
    const rows = await sql<{ id: number; name: string; description: string | null }>(
      "select id, name, description from products where party_id = $1",
      [party.id],
    );
    for (const id of acked)
      expect(
        rows.map((r) => r.id),
        `acknowledged product ${id}`,
      ).toContain(id);
    // Unacknowledged writes are whole or absent: every row present carries all its fields.
    for (const row of rows) {
      expect(attempted).toContain(row.name);
      expect(row.description).toBe(`full row ${row.name}`);
    }
    const after = await s.products.create({ partyId: party.id, name: "after the kill" });
    expect((await s.products.get({ productId: after.id })).name).toBe("after the kill");
  },
  60_000,
);

function templateXml(uuid: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<slasoi:SLATemplate xmlns:slasoi="http://www.slaatsoi.eu/slamodel">
  <slasoi:Text/>
  <slasoi:UUID>${uuid}</slasoi:UUID>
  <slasoi:ModelVersion>sla_at_soi_sla_model_v1.0</slasoi:ModelVersion>
</slasoi:SLATemplate>
`;
}
