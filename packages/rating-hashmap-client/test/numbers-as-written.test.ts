/**
 * Costs and levels as users write them (tempest: `cost=12`, `level=0.95*(i+1)`): a JS number must store what
 * the same number sent as a JSON float stores (wsme's `decimal.Decimal(float)`, then the column's rounding),
 * and too many places are rounded by the server, not refused by us.
 */
import { afterAll, describe, expect, it } from "vitest";
import { haveCloudKitty, noauthClient, services, unique } from "./support/services.js";

const BASE = `${services.MK_CLOUDKITTY_NOAUTH_URL ?? "http://127.0.0.1:9"}/v1/rating/module_config/hashmap`;

/** The Python client's request: the number as a JSON float. */
async function rawPost(path: string, body: Record<string, unknown>): Promise<Record<string, string>> {
  const res = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Record<string, string>;
}

describe.skipIf(!haveCloudKitty)("numbers as users write them (real server)", () => {
  const hm = noauthClient();
  const made: string[] = [];
  afterAll(async () => {
    for (const serviceId of made) await hm.services.delete({ serviceId });
  });

  it("stores a JS number as the same JSON float stores it, and lets the server round", async () => {
    const svc = await hm.services.create({ name: unique("numbers") });
    made.push(svc.service_id);
    const field = await hm.fields.create({ service_id: svc.service_id, name: "size" });
    const costs = [0.7, 0.1 + 0.2, 12, 1e-7, 123.456, 0.95 * 3];
    for (const [i, cost] of costs.entries()) {
      const ours = await hm.mappings.create({ field_id: field.field_id, value: `v${i}`, cost });
      const theirs = await rawPost("/mappings", { field_id: field.field_id, value: `w${i}`, cost });
      expect(ours.cost, String(cost)).toBe(theirs.cost);
    }
    for (const [i, level] of [0.95 * 3, 0.95 * 7, 2.5].entries()) {
      const ours = await hm.thresholds.create({ service_id: svc.service_id, level, cost: i + 1 });
      const theirs = await rawPost("/thresholds", { field_id: field.field_id, level, cost: i + 1 });
      expect(ours.level, String(level)).toBe(theirs.level);
    }
    // Text with more places than Numeric(20,8): the server rounds it, so we send it.
    const rounded = await hm.thresholds.create({
      field_id: field.field_id,
      level: "2.8499999999999996",
      cost: "1",
    });
    expect(rounded.level).toBe("2.85000000");
  });
});
