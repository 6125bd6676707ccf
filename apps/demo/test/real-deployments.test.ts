/**
 * The same demo against "real deployments": services the test runs itself (stand-ins with their own
 * tokens, the no-auth CloudKitty), named through the flags a user would pass. The stand-ins live in this
 * process, so their data can be read directly once the demo has exited.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { keystoneAuth } from "@meterkit/core";
import { createHashMapClient } from "@meterkit/rating-hashmap-client";
import { startAlmanach, startWaldur } from "@meterkit/sandbox";
import { createCatalogClient } from "@meterkit/sla-catalog-client";
import { startSlaCatalog } from "@meterkit/sla-catalog-server";
import pg from "pg";
import { afterAll, expect, inject, it } from "vitest";
import type { DemoReport } from "../src/report/model.js";
import { type DemoProcess, printedPath, startDemo, stopDemo } from "./support/run-demo.js";

const services = inject("services");
const stops: (() => Promise<void>)[] = [];
let demo: DemoProcess | undefined;
afterAll(async () => {
  await stopDemo(demo);
  for (const stop of stops.reverse()) await stop();
});

async function freshDatabase(): Promise<string> {
  const name = `mkdemo_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: services.MK_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  stops.push(async () => {
    const c = new pg.Client({ connectionString: services.MK_PG_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const url = new URL(services.MK_PG_URL ?? "");
  url.pathname = `/${name}`;
  return url.toString();
}

it("runs every step against the services named by flags and tokens", async () => {
  const almanach = await startAlmanach({ token: "almanach-test-token" });
  stops.push(() => almanach.close());
  const waldur = await startWaldur({ token: "waldur-test-token" });
  stops.push(() => waldur.close());
  const catalogToken = "slac_00000000de30_demo-test-admin-secret-0123456789";
  const catalog = await startSlaCatalog({
    port: 0,
    databaseUrl: await freshDatabase(),
    tokens: [{ token: catalogToken, role: "admin" }],
  });
  stops.push(() => catalog.close());
  // The Keystone-protected CloudKitty, with the settings a user's openrc would export.
  const cloudkittyUrl = services.MK_CLOUDKITTY_URL ?? "";
  const out = await mkdtemp(join(tmpdir(), "meterkit-demo-flags-"));
  demo = startDemo(["--out", out, "--almanach-url", almanach.url, "--cloudkitty-url", cloudkittyUrl], {
    MK_DEMO_ALMANACH_TOKEN: "almanach-test-token",
    MK_DEMO_WALDUR_URL: waldur.url,
    MK_DEMO_WALDUR_TOKEN: "waldur-test-token",
    MK_DEMO_SLA_CATALOG_URL: catalog.url,
    MK_DEMO_SLA_CATALOG_TOKEN: catalogToken,
    OS_AUTH_URL: services.MK_KEYSTONE_URL,
    OS_USERNAME: services.MK_KEYSTONE_ADMIN_USER,
    OS_PASSWORD: services.MK_KEYSTONE_ADMIN_PASSWORD,
    OS_PROJECT_NAME: services.MK_KEYSTONE_ADMIN_PROJECT,
  });
  expect(await demo.exited, demo.stderr()).toBe(0);
  const report = JSON.parse(await readFile(printedPath(demo.stdout(), "JSON report"), "utf8")) as DemoReport;
  expect(report.steps.every((s) => s.status === "ok")).toBe(true);
  expect(report.services.map((s) => [s.name, s.kind, s.url]).sort()).toEqual(
    [
      ["almanach", "real", almanach.url],
      ["cloudkitty", "real", cloudkittyUrl],
      ["sla-catalog", "real", catalog.url],
      ["waldur", "real", waldur.url],
    ].sort(),
  );
  // Waldur's own records hold the usage the demo reported.
  for (const u of report.allocation?.usages ?? []) {
    const period = waldur.data.planPeriods.find((p) => p.uuid === u.planPeriodUuid);
    expect(Number(period?.usages.find((x) => x.type === u.type)?.usage), u.type).toBe(Number(u.amount));
  }
  expect(report.allocation?.usages.length).toBeGreaterThan(0);
  // The catalog database outlives the demo: the product is there.
  const product = await createCatalogClient({ baseUrl: catalog.url, token: catalogToken }).products.get({
    productId: report.catalog?.productId ?? 0,
  });
  expect(product.name).toBe("Cloud compute (meterkit demo)");
  // CloudKitty priced the month, and the demo removed its rules when it was done.
  for (const t of report.rating?.tenants ?? []) expect(t.match, t.tenant).toBe(true);
  const auth = keystoneAuth({
    authUrl: services.MK_KEYSTONE_URL ?? "",
    username: services.MK_KEYSTONE_ADMIN_USER ?? "",
    password: services.MK_KEYSTONE_ADMIN_PASSWORD ?? "",
    projectName: services.MK_KEYSTONE_ADMIN_PROJECT ?? "",
  });
  expect(report.services.find((s) => s.name === "cloudkitty")?.auth).toMatch(/^Keystone/);
  const left = (await createHashMapClient({ baseUrl: cloudkittyUrl, auth }).services.list()).map(
    (s) => s.name,
  );
  for (const s of report.rating?.rules.services ?? []) expect(left).not.toContain(s.name);
});
