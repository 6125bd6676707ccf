/**
 * Two servers on one PostgreSQL (replicas) take concurrent writes: each write holds the catalog's advisory
 * lock, so ids chosen as max + 1 never collide and no acknowledged write is lost. (The full proof with two
 * processes, 50 writers and a SIGKILL is the next step of the scale story.)
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  createScratchDatabase,
  type ScratchDatabase,
  type SlaCatalogServer,
  startSlaCatalog,
} from "../src/index.js";
import { postgresUrl } from "./engines.js";
import { ADMIN_SEED, call } from "./fixtures.js";

const adminUrl = await postgresUrl();
let db: ScratchDatabase | undefined;
const replicas: SlaCatalogServer[] = [];

beforeAll(async () => {
  if (!adminUrl) return;
  db = await createScratchDatabase(adminUrl);
  // Both start together: the migration lock lets one apply the schema while the other waits.
  replicas.push(
    ...(await Promise.all([
      startSlaCatalog({ ...ADMIN_SEED, databaseUrl: db.url }),
      startSlaCatalog({ ...ADMIN_SEED, databaseUrl: db.url }),
    ])),
  );
}, 60_000);
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.close()));
  await db?.drop();
});

it.skipIf(!adminUrl)(
  "40 concurrent creates over two replicas: every one acknowledged, ids unique, all stored",
  async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call((replicas[i % 2] as SlaCatalogServer).url, "POST", "/parties", { name: `p${i}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(201));
    const ids = answers.map((a) => a.body.id as number);
    expect(new Set(ids).size).toBe(40);
    const stored = await call((replicas[1] as SlaCatalogServer).url, "GET", "/parties?limit=100");
    const names = new Set((stored.body as { name: string }[]).map((p) => p.name));
    for (let i = 0; i < 40; i++) expect(names.has(`p${i}`), `p${i}`).toBe(true);
  },
  60_000,
);

it.skipIf(!adminUrl)(
  "connections the database ends (a restart, an administrator) do not take a replica down",
  async () => {
    const server = replicas[0] as SlaCatalogServer;
    expect((await call(server.url, "GET", "/parties?limit=1")).status).toBe(200);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const name = new URL(db?.url ?? "").pathname.slice(1);
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name]);
    } finally {
      await admin.end();
    }
    // The idle connections died with an error event on the pool; the process lives and reconnects.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const origin = new URL(server.url).origin;
    let ready = 0;
    for (let i = 0; i < 5 && ready !== 200; i++) ready = (await fetch(`${origin}/readyz`)).status;
    expect(ready).toBe(200);
    expect((await call(server.url, "POST", "/parties", { name: "after the restart" })).status).toBe(201);
  },
);
