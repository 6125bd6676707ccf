/**
 * The newcomer's run, end to end: the built demo in a child process against live services (the sandbox
 * stand-ins it starts, the real CloudKitty). `--keep-running` keeps them up after the report so that each
 * number in report.json can be asked of the service that produced it; then Ctrl-C (SIGTERM) must stop
 * everything the demo started.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect, createWaldurClient } from "@meterkit/allocation-client";
import { keystoneAuth, noAuth } from "@meterkit/core";
import { createAlmanachClient } from "@meterkit/ledger-client";
import { createHashMapClient } from "@meterkit/rating-hashmap-client";
import { createCatalogClient } from "@meterkit/sla-catalog-client";

/** The admin token the demo's local catalog accepts in this test (the catalog is closed without one). */
const CATALOG_TOKEN = "slac_00000000e2e0_demo-e2e-admin-secret-0123456789";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DemoReport, ServiceInfo } from "../src/report/model.js";
import { type DemoProcess, printedPath, startDemo, stopDemo } from "./support/run-demo.js";

const services = inject("services");
let demo: DemoProcess;
let report: DemoReport;
let html: string;

function service(name: ServiceInfo["name"]): ServiceInfo & { url: string } {
  const found = report.services.find((s) => s.name === name);
  if (!found?.url) throw new Error(`report.json names no URL for ${name}`);
  return found as ServiceInfo & { url: string };
}

/** A client of the CloudKitty the demo used, with the credentials `@meterkit/services` gives. */
function cloudkitty() {
  const { url } = service("cloudkitty");
  const auth =
    url === services.MK_CLOUDKITTY_URL
      ? keystoneAuth({
          authUrl: services.MK_KEYSTONE_URL ?? "",
          username: services.MK_KEYSTONE_ADMIN_USER ?? "admin",
          password: services.MK_KEYSTONE_ADMIN_PASSWORD ?? "",
          projectName: services.MK_KEYSTONE_ADMIN_PROJECT ?? "admin",
        })
      : noAuth;
  return createHashMapClient({ baseUrl: url, auth });
}

beforeAll(async () => {
  const out = await mkdtemp(join(tmpdir(), "meterkit-demo-e2e-"));
  demo = startDemo(["--out", out, "--keep-running"], { MK_DEMO_SLA_CATALOG_TOKEN: CATALOG_TOKEN });
  await demo.waitFor("Services kept running");
  report = JSON.parse(await readFile(printedPath(demo.stdout(), "JSON report"), "utf8")) as DemoReport;
  html = await readFile(printedPath(demo.stdout(), "HTML report"), "utf8");
}, 120_000);

afterAll(() => stopDemo(demo));

describe("pnpm demo, as a newcomer runs it", () => {
  it("runs every step, each against a live service where it has one", () => {
    expect(report.steps.map((s) => [s.id, s.status])).toEqual(
      ["inventory", "metrics", "ledger", "rating", "catalog", "allocation", "report"].map((id) => [id, "ok"]),
    );
    for (const step of report.steps.filter((s) => s.service !== null)) {
      const used = service(step.service as ServiceInfo["name"]);
      expect(used.kind, step.id).toMatch(/^(stand-in|real)$/);
    }
    expect(service("cloudkitty").kind).toBe("real");
    expect(service("sla-catalog").note).toBe("data in postgres");
    expect(report.rating?.engine).toBe("cloudkitty+local");
    expect(demo.stdout()).toContain("✔ [7/7]");
  });

  it("Almanach returns the rows the report counted, and they add up to the hours that were priced", async () => {
    const almanach = createAlmanachClient({ baseUrl: service("almanach").url, token: "secret" });
    const [year, month] = report.month.split("-").map(Number) as [number, number];
    const start = new Date(Date.UTC(year, month - 1, 1));
    const end = new Date(Date.UTC(year, month, 1));
    for (const t of report.ledger?.tenants ?? []) {
      const rows = await almanach.entities.list({ tenantId: t.tenantId, start, end });
      expect(rows.length, t.tenant).toBe(t.rows);
      expect(new Set(rows.filter((r) => r.entityType === "instance").map((r) => r.entityId))).toEqual(
        new Set(t.instances),
      );
      const hours = rows
        .filter((r) => r.entityType === "instance")
        .reduce(
          (sum, r) =>
            sum + (Math.min(r.end?.getTime() ?? end.getTime(), end.getTime()) - r.start.getTime()) / 3.6e6,
          0,
        );
      const rated = report.rating?.tenants.find((x) => x.tenantId === t.tenantId);
      const pricedHours = (rated?.records ?? [])
        .filter((r) => "flavor_id" in r.desc.metadata)
        .reduce((sum, r) => sum + Number(r.volume), 0);
      expect(pricedHours, t.tenant).toBeCloseTo(hours, 6);
    }
    expect(report.ledger?.tenants).toHaveLength(3);
  });

  it("CloudKitty quotes each tenant's records to the very price in the report, equal to the local engine's", async () => {
    const hashmap = cloudkitty();
    const names = (await hashmap.services.list()).map((s) => s.name);
    for (const s of report.rating?.rules.services ?? []) expect(names).toContain(s.name);
    for (const t of report.rating?.tenants ?? []) {
      expect(t.records.length, t.tenant).toBeGreaterThan(0);
      expect(await hashmap.quote({ resources: t.records }), t.tenant).toBe(t.cloudkitty);
      expect(t.match, t.tenant).toBe(true);
      expect(Number(t.local)).toBeGreaterThan(0);
    }
  });

  it("the SLA catalog holds the published product, offer, prices and guarantee", async () => {
    const c = report.catalog;
    if (!c) throw new Error("no catalog section");
    const catalog = createCatalogClient({ baseUrl: service("sla-catalog").url, token: CATALOG_TOKEN });
    expect((await catalog.parties.get({ partyId: c.partyId })).status).toBe(c.partyStatus);
    expect((await catalog.products.get({ productId: c.productId })).partyId).toBe(c.partyId);
    expect((await catalog.offers.get({ offerId: c.offerId })).templateId).toBe(c.templateId);
    for (const u of c.unitResources) {
      const item = await catalog.pricedItems.get({ pricedItemId: u.id });
      expect(item.priceId, u.name).toBe(u.priceId);
      expect(item.guaranteeIds).toEqual(u.guaranteeIds);
      const price = await catalog.prices.get({ priceId: u.priceId });
      expect(price.kind === "fixed" && price.value, u.name).toBe(u.value);
    }
    expect((await catalog.guarantees.get({ guaranteeId: c.guaranteeId })).id).toBe(c.guaranteeId);
  });

  it("Waldur shows the approved orders, backend ids and the reported usage", async () => {
    const a = report.allocation;
    if (!a) throw new Error("no allocation section");
    const waldur = createWaldurClient({ baseUrl: service("waldur").url, token: "sandbox-token" });
    const orders = new Map((await collect(waldur.orders.list())).map((o) => [o.uuid, o.state]));
    expect(a.approvedOrders.length).toBeGreaterThan(0);
    for (const o of a.approvedOrders) {
      expect(orders.get(o.uuid)).toBe(o.state);
      expect(o.state).not.toBe("pending-provider");
    }
    const resources = new Map(
      (await collect(waldur.resources.listAsProvider())).map((r) => [r.uuid, r.backend_id]),
    );
    for (const b of a.backendIds) expect(resources.get(b.resourceUuid)).toBe(b.backendId);
    expect(a.usages.length).toBeGreaterThan(0);
    for (const u of a.usages) {
      const periods = await waldur.resources.getPlanPeriods({ resourceUuid: u.resourceUuid });
      const period = periods.find((p) => p.uuid === u.planPeriodUuid);
      const component = period?.components?.find((x) => x.type === u.type);
      expect(Number(component?.usage), u.type).toBe(Number(u.amount));
    }
    expect(a.offeringUser?.uuid).toBeTruthy();
  });

  it("wrote the HTML report with the inline chart, and no external asset", () => {
    expect(html).toContain('<svg id="cost-chart"');
    expect((html.match(/<rect /g) ?? []).length).toBeGreaterThan(28);
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg|127\.0\.0\.1)/);
  });

  it("stops everything it started on Ctrl-C and exits 0", async () => {
    const urls = report.services.filter((s) => s.kind === "stand-in").map((s) => s.url as string);
    const names = report.rating?.rules.services.map((s) => s.name) ?? [];
    demo.child.kill("SIGTERM");
    expect(await demo.exited).toBe(0);
    for (const url of urls) await expect(fetch(url), url).rejects.toThrow();
    expect(names.length).toBe(2);
    const db = new pg.Client({ connectionString: services.MK_PG_URL });
    await db.connect();
    const databases = await db.query("SELECT datname FROM pg_database WHERE datname = $1", [
      `mkdemo_${report.runId}`,
    ]);
    await db.end();
    expect(databases.rows).toEqual([]);
    const left = (await cloudkitty().services.list()).map((s) => s.name);
    for (const name of names) expect(left).not.toContain(name);
  });
});
