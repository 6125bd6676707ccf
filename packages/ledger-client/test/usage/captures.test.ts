/**
 * Usage from what a real Almanach 4.1 answered: every recorded entity list (a tenant's entities, one entity's
 * rows) is served again by a local server, read through the client and turned into monthly usage; the
 * seconds must equal an oracle that reads the recorded JSON text itself (Python's `+00:00` dates parsed by
 * hand, each row's whole seconds laid over calendar months), so neither our date parsing nor our bucketing
 * grades itself.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { computeUsage, createAlmanachClient, type Entity } from "../../src/index.js";
import { type Capture, type Exchange, loadCaptures } from "../helpers/captures.js";
import { ReplayServer } from "../helpers/replay-server.js";

interface RawRow {
  entity_id: string;
  entity_type: string;
  start: string;
  end: string | null;
  flavor?: string;
  volume_type?: string | null;
  size?: number;
}

const LIST = /^\/v1\/(project\/[^/]+\/entities|entity\/[^/]+)$/;
const lists = loadCaptures()
  .flatMap((c: Capture) => c.exchanges.map((e) => [c.file, e] as const))
  .filter(([, e]) => e.request.method === "GET" && LIST.test(e.request.path) && e.response.status === 200)
  .filter(([, e]) => (JSON.parse(e.response.body) as unknown[]).length > 0);

const server = new ReplayServer();
beforeAll(() => server.start());
afterAll(() => server.close());

/** `2017-05-09 14:00:00.123000+00:00` (Python's `str(datetime)`) → whole epoch seconds, by hand. */
function epochSeconds(text: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:\+00:00|Z)?$/.exec(text);
  if (!m) throw new Error(`oracle cannot read '${text}'`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
}

/** Seconds per `entity|month|dimension` over `[from, to)`, month boundaries in UTC. */
function oracle(rows: RawRow[], from: number, to: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    const start = Math.max(epochSeconds(row.start), from);
    const end = Math.min(row.end === null ? to : epochSeconds(row.end), to);
    for (let t = start; t < end; ) {
      const day = new Date(t * 1000);
      const next = Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1) / 1000;
      const stop = Math.min(next, end);
      const month = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)).toISOString();
      const dim = row.entity_type === "instance" ? row.flavor : `${row.volume_type}/${row.size}`;
      const key = `${row.entity_id}|${month}|${dim}`;
      out.set(key, (out.get(key) ?? 0) + (stop - t));
      t = stop;
    }
  }
  return out;
}

it("finds recorded entity lists", () => {
  expect(lists.length).toBeGreaterThan(0);
});

it.each(lists)("%s", async (_file, exchange: Exchange) => {
  server.load([exchange], []);
  const client = createAlmanachClient({ baseUrl: server.url, token: "replay", retry: false });
  const tenant = /^\/v1\/project\/([^/]+)\/entities$/.exec(exchange.request.path)?.[1];
  const entityId = /^\/v1\/entity\/([^/]+)$/.exec(exchange.request.path)?.[1];
  const rows: Entity[] = tenant
    ? await client.entities.list({ tenantId: tenant, start: "2016-01-01", end: "2018-01-01" })
    : await client.entities.get({ entityId: entityId as string });
  const raw = JSON.parse(exchange.response.body) as RawRow[];
  expect(rows).toHaveLength(raw.length);

  const from = Date.UTC(2016, 0, 1) / 1000;
  const to = Date.UTC(2018, 0, 1) / 1000;
  const usage = computeUsage(rows, { from: new Date(from * 1000), to: new Date(to * 1000), by: "month" });
  const ours = new Map<string, number>();
  for (const u of usage) {
    const month = new Date(
      Date.UTC(u.bucketStart.getUTCFullYear(), u.bucketStart.getUTCMonth(), 1),
    ).toISOString();
    const dim = u.entityType === "instance" ? u.flavor : `${u.volumeType}/${u.sizeGb}`;
    const key = `${u.entityId}|${month}|${dim}`;
    ours.set(key, (ours.get(key) ?? 0) + u.seconds);
  }
  const expected = oracle(raw, from, to);
  expect(Object.fromEntries([...ours].sort())).toEqual(Object.fromEntries([...expected].sort()));
  expect([...ours.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
});
