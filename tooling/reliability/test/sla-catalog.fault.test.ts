/**
 * @meterkit/sla-catalog-client under 1,000 faulty operations, against the SLA catalog service (embedded
 * PGlite database) behind the fault proxy.
 */
import { collect } from "@meterkit/core";
import { createCatalogClient } from "@meterkit/sla-catalog-client";
import { startSlaCatalog } from "@meterkit/sla-catalog-server";
import { expect, it } from "vitest";
import { type Operation, runCampaign } from "../src/campaign.js";
import { startFaultRig } from "../src/fault-rig.js";
import { expectResilient, record } from "./support/verdict.js";

const OPERATIONS = 1_000;

it("sla-catalog-client: every operation completes or fails typed, no POST reaches the catalog twice, no socket left open", async () => {
  const token = "slac_00000000fa17_fault-admin-secret-0123456789";
  const catalog = await startSlaCatalog({ port: 0, tokens: [{ token, role: "admin" }] });
  try {
    // Seed directly (no proxy): an approved provider, a product and a unit resource to read back.
    const direct = createCatalogClient({ baseUrl: catalog.url, token });
    const party = await direct.parties.create({ name: "fault provider" });
    await direct.parties.approve({ partyId: party.id, balance: "1000", creditLimit: "100" });
    const product = await direct.products.create({ partyId: party.id, name: "seed product" });
    const unit = await direct.unitResources.create({ name: "seed cpu", type: "cpu_speed" });

    const rig = await startFaultRig({ target: catalog.url, seed: 5150, stallMs: 1_400 });
    // The service writes one transaction at a time into WASM PostgreSQL: 600 ms per attempt.
    const client = createCatalogClient({
      token,
      baseUrl: rig.proxy.url,
      dispatcher: rig.dispatcher,
      retry: rig.retry,
      timeoutMs: 600,
    });
    const operations: Operation[] = Array.from({ length: OPERATIONS }, (_, i) => {
      switch (i % 10) {
        case 0:
        case 5:
          return {
            name: `addProduct ${i}`,
            run: () => client.products.create({ partyId: party.id, name: `product ${i}`, category: "fault" }),
          };
        case 1:
          return { name: `getProduct ${i}`, run: () => client.products.get({ productId: product.id }) };
        case 2:
          return { name: `listProducts ${i}`, run: () => collect(client.products.list({}), 20) };
        case 3:
          return { name: `createParty ${i}`, run: () => client.parties.create({ name: `party ${i}` }) };
        case 4:
          return { name: `getParty ${i}`, run: () => client.parties.get({ partyId: party.id }) };
        case 6:
          return {
            name: `addUnitResource ${i}`,
            run: () => client.unitResources.create({ name: `unit ${i}`, type: "cpu_speed" }),
          };
        case 7:
          return { name: `listParties ${i}`, run: () => collect(client.parties.list({}), 20) };
        case 8:
          return { name: `listUnitResources ${i}`, run: () => collect(client.unitResources.list(), 10) };
        default:
          return {
            name: `getUnitResource ${i}`,
            run: () => client.unitResources.get({ unitResourceId: unit.id }),
          };
      }
    });
    const untyped: string[] = [];
    const row = record(
      await runCampaign({
        client: "sla-catalog-client",
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
    await catalog.close();
  }
});
