/**
 * Price 100,000 usage records with the local engine, beside the real server's quote rate measured in the
 * same run. MK_BENCH_RECORDS changes the count.
 */
import { expect, test } from "vitest";
import { createHashMapClient, createRatingEngine, fetchRuleSet, type UsageRecord } from "../src/index.js";
import { haveCloudKitty, services, stableQuote, unique } from "../test/support/services.js";

const N = Number(process.env.MK_BENCH_RECORDS ?? 100_000);
const QUOTES = 20;

test.skipIf(!haveCloudKitty)("local engine vs /v1/rating/quote", async () => {
  const hm = createHashMapClient({ baseUrl: services.MK_CLOUDKITTY_NOAUTH_URL ?? "" });
  const service = unique("instance");
  const svc = await hm.services.create({ name: service });
  try {
    const flavor = await hm.fields.create({ service_id: svc.service_id, name: "flavor_id" });
    const group = await hm.groups.create({ name: unique("bench") });
    const flavors = Array.from({ length: 50 }, (_, i) => `m${i}.size`);
    for (const [i, value] of flavors.entries()) {
      await hm.mappings.create({
        field_id: flavor.field_id,
        value,
        cost: `0.0${i + 1}`,
        group_id: group.group_id,
      });
    }
    await hm.mappings.create({
      service_id: svc.service_id,
      type: "rate",
      cost: "1.21",
      group_id: group.group_id,
    });
    await hm.thresholds.create({
      service_id: svc.service_id,
      level: "500",
      type: "rate",
      cost: "0.9",
      group_id: group.group_id,
    });
    const engine = createRatingEngine(await fetchRuleSet(hm, { services: [service] }));
    // A month of hourly usage for ~140 instances.
    const records: UsageRecord[] = Array.from({ length: N }, (_, i) => ({
      service,
      volume: String((i % 720) + 1),
      desc: { metadata: { flavor_id: flavors[i % flavors.length]! }, groupby: { project_id: `p${i % 30}` } },
    }));

    let started = process.hrtime.bigint();
    const total = engine.price(records);
    const engineSeconds = Number(process.hrtime.bigint() - started) / 1e9;

    started = process.hrtime.bigint();
    for (let i = 0; i < QUOTES; i++) {
      const one = [records[i]!];
      const local = engine.price(one);
      expect(await stableQuote(hm, one, local)).toBe(local);
    }
    const serverSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const engineRate = N / engineSeconds;
    const serverRate = QUOTES / serverSeconds;
    console.log(`\nprice usage records (total ${total})`);
    console.log(
      `  local engine            ${engineRate.toFixed(0).padStart(10)} records/s (${N} in ${(engineSeconds * 1000).toFixed(0)} ms)`,
    );
    console.log(`  CloudKitty quote, 1/req ${serverRate.toFixed(1).padStart(10)} records/s`);
    console.log(`  ratio                   ${(engineRate / serverRate).toFixed(0).padStart(10)}×`);
    await hm.groups.delete({ groupId: group.group_id, recursive: true });
  } finally {
    await hm.services.delete({ serviceId: svc.service_id });
  }
});
