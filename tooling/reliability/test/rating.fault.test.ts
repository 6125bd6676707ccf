/**
 * @meterkit/rating-hashmap-client under 1,000 faulty operations against the REAL CloudKitty (noauth
 * instance) behind the fault proxy. CloudKitty is slow (a quote takes ~100 ms), so the mix is mostly cheap
 * reads and rule writes, with a quote every 100 operations.
 */
import { createHashMapClient } from "@meterkit/rating-hashmap-client";
import { expect, inject, it } from "vitest";
import { type Operation, runCampaign } from "../src/campaign.js";
import { startFaultRig } from "../src/fault-rig.js";
import { expectResilient, record } from "./support/verdict.js";

const OPERATIONS = 1_000;
const SEEDED = 10;

it("rating-hashmap-client: every operation completes or fails typed, no POST reaches CloudKitty twice, no socket left open", async () => {
  const target = inject("services").MK_CLOUDKITTY_NOAUTH_URL;
  if (!target)
    throw new Error("MK_CLOUDKITTY_NOAUTH_URL is not set: the global setup did not start CloudKitty");
  const run = `fault-${process.pid}-${Date.now().toString(36)}`;
  // Seed directly (no proxy): one service with a field and a few mappings the faulty operations read and update.
  const direct = createHashMapClient({ baseUrl: target });
  const service = await direct.services.create({ name: run });
  try {
    const field = await direct.fields.create({ service_id: service.service_id, name: "flavor" });
    const seeded: string[] = [];
    for (let k = 0; k < SEEDED; k++) {
      const m = await direct.mappings.create({ field_id: field.field_id, value: `seed-${k}`, cost: "1" });
      seeded.push(m.mapping_id);
    }
    // A real server under load answers in tens of ms; 1 s per attempt leaves room, stalls last 2.5 s.
    // The quote is a read-only POST the client marks idempotent: repeating it is allowed, not a duplicate.
    const rig = await startFaultRig({
      target,
      seed: 1717,
      stallMs: 2_500,
      exempt: (method, path) => method === "POST" && path.startsWith("/v1/rating/quote"),
    });
    const hashmap = createHashMapClient({
      baseUrl: rig.proxy.url,
      dispatcher: rig.dispatcher,
      retry: rig.retry,
      timeoutMs: 1_000,
    });
    // Per 100 operations: 20 mapping creates (POST, unique values), 5 read-merge-write updates (GET + PUT),
    // 1 quote (POST, unique desc; slow, so it gets 8 s), the rest reads, many of them the DB-free map types.
    const operations: Operation[] = Array.from({ length: OPERATIONS }, (_, i) => {
      const mapping = seeded[i % SEEDED] ?? "";
      if (i % 100 === 42) {
        const usage = { service: run, volume: "2", desc: { metadata: { flavor: "seed-1", op: i } } };
        return { name: `quote ${i}`, run: () => hashmap.quote({ resources: [usage] }, { timeoutMs: 8_000 }) };
      }
      if (i % 20 === 7) {
        return {
          name: `mappings.update ${i}`,
          run: () => hashmap.mappings.update({ mappingId: mapping, patch: { cost: `${1 + (i % 7)}.5` } }),
        };
      }
      switch (i % 10) {
        case 0:
        case 5:
          return {
            name: `mappings.create ${i}`,
            run: () =>
              hashmap.mappings.create({
                field_id: field.field_id,
                value: `v-${i}`,
                cost: `0.${i}`,
                type: "flat",
              }),
          };
        case 1:
          return { name: `mappings.get ${i}`, run: () => hashmap.mappings.get({ mappingId: mapping }) };
        case 2:
          return {
            name: `services.get ${i}`,
            run: () => hashmap.services.get({ serviceId: service.service_id }),
          };
        case 3:
          return { name: `fields.get ${i}`, run: () => hashmap.fields.get({ fieldId: field.field_id }) };
        case 4:
          return { name: `module.get ${i}`, run: () => hashmap.module.get() };
        default:
          return { name: `mapTypes ${i}`, run: () => hashmap.mapTypes.list() };
      }
    });
    const untyped: string[] = [];
    const row = record(
      await runCampaign({
        client: "rating-hashmap-client",
        proxy: rig.proxy,
        operations,
        concurrency: 8,
        retries: rig.retries,
        closeClient: () => rig.dispatcher.close(),
        onUntyped: (op, error) => untyped.push(`${op}: ${String(error)}`),
      }),
    );
    await rig.proxy.close();
    expect(untyped.slice(0, 5)).toEqual([]);
    expect(row.retries).toBeGreaterThan(0);
    expectResilient(row, OPERATIONS);
  } finally {
    await direct.services.delete({ serviceId: service.service_id }); // recursive: fields and mappings go too
  }
});
