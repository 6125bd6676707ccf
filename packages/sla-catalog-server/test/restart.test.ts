import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, MIGRATIONS, startSlaCatalog } from "../src/index.js";
import { engines } from "./engines.js";
import { ADMIN_SEED, call, templateXml } from "./fixtures.js";

const ENGINES = await engines();
const COLLECTIONS = [
  "/parties",
  "/products",
  "/templates",
  "/product-offers",
  "/unit-resources",
  "/prices",
  "/guarantees",
];

describe.each(ENGINES)("restart on $name", (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it("reads back everything after a stop and a start on the same database", async () => {
    let where: { databaseUrl?: string; dataDir?: string };
    if (engine.adminUrl) {
      const db = await createScratchDatabase(engine.adminUrl);
      cleanups.push(db.drop);
      where = { databaseUrl: db.url };
    } else {
      const dir = mkdtempSync(join(tmpdir(), "sla-catalog-"));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      where = { dataDir: dir };
    }
    const first = await startSlaCatalog({ ...ADMIN_SEED, port: 0, ...where });
    const b = first.url;
    await call(b, "POST", "/parties", { id: 465 });
    await call(b, "POST", "/templates", { content: templateXml("Restart-SLAT"), registry: "ISLAM" });
    await call(b, "POST", "/templates", { content: templateXml("Restart-SLAT") });
    const product = (await call(b, "POST", "/products", { partyId: 465, name: "P", maxPrice: "12.500" }))
      .body;
    await call(b, "POST", "/product-offers", {
      productId: product.id,
      partyId: 465,
      templateId: "Restart-SLAT",
    });
    const fee = (
      await call(b, "POST", "/fixed-fees", {
        validFrom: "2013-01-01",
        validUntil: "2013-12-31",
        period: "per_month",
        type: "per_hour",
        value: "0.20",
      })
    ).body;
    const item = (
      await call(b, "POST", "/unit-resources", { name: "CPU", type: "cpu_speed", ovfReservation: true })
    ).body;
    const g = (
      await call(b, "POST", "/guarantees", {
        name: "G",
        description: "d",
        type: "location",
        percentage: "0.15",
        slaTemplateId: "Restart-SLAT",
      })
    ).body;
    await call(b, "PUT", `/priced-items/${item.id}/price`, { priceId: fee.id });
    await call(b, "PUT", `/priced-items/${item.id}/guarantees/${g.id}`);
    await call(b, "POST", "/parties/465/approval", { balance: "10", creditLimit: "5000" });
    const before = await Promise.all(COLLECTIONS.map(async (c) => (await call(b, "GET", c)).body));
    await first.close();

    const second = await startSlaCatalog({ ...ADMIN_SEED, port: 0, ...where });
    try {
      const after = await Promise.all(COLLECTIONS.map(async (c) => (await call(second.url, "GET", c)).body));
      expect(after).toEqual(before);
      expect(after.map((rows: unknown[]) => rows.length)).toEqual([1, 1, 2, 1, 1, 1, 1]);
      expect((await call(second.url, "GET", `/priced-items/${item.id}`)).body).toMatchObject({
        priceId: fee.id,
        guaranteeIds: [g.id],
      });
      expect((await call(second.url, "GET", "/parties/465")).body.status).toBe("APPROVED");
      // The migrations are not applied twice: ids keep counting from what is stored.
      expect((await call(second.url, "POST", "/products", { partyId: 465, name: "Q" })).body.id).toBe(
        product.id + 1,
      );
      expect(MIGRATIONS.length).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  }, 180_000);
});
