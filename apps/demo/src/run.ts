/** The whole flow, step by step. `main.ts` wires it to the process; tests can call it in-process too. */
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DemoOptions } from "./cli/options.js";
import { renderHtml } from "./report/html.js";
import type { DemoReport, ServiceInfo } from "./report/model.js";
import { createProgress, type ProgressSink } from "./report/progress.js";
import { runStep } from "./run-step.js";
import { buildPlan, previousMonth } from "./scenario/plan.js";
import { plannedInstanceUsage } from "./scenario/usage.js";
import type { Cleanup } from "./services/cleanup.js";
import { connectCloudKitty } from "./services/cloudkitty.js";
import { connectAlmanach, connectSlaCatalog, connectWaldur } from "./services/endpoints.js";
import { runAllocation } from "./steps/allocation.js";
import { publishCatalog } from "./steps/catalog.js";
import { describeInventory } from "./steps/inventory.js";
import { recordLifecycles } from "./steps/ledger.js";
import { convertMetrics } from "./steps/metrics.js";
import { rateUsage } from "./steps/rating.js";
import { deleteRules } from "./steps/rating-cleanup.js";
import type { CreatedRules } from "./steps/rating-rules.js";

/** What the demo needs from its surroundings. */
export interface DemoIo {
  stdout: ProgressSink;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /** Starts the project's CloudKitty (`@meterkit/services` `ensureServices`). */
  ensure: (names: ["cloudkitty"]) => Promise<Record<string, string>>;
}

/** Where the reports were written. */
export interface DemoResult {
  report: DemoReport;
  dir: string;
  htmlPath: string;
  jsonPath: string;
}

/** Runs every step; everything started is registered in `cleanup` (the caller runs it). */
export async function runDemo(options: DemoOptions, io: DemoIo, cleanup: Cleanup): Promise<DemoResult> {
  const runId = randomBytes(3).toString("hex");
  const plan = buildPlan(options.month ?? previousMonth(io.now()), runId);
  const report: DemoReport = {
    version: 1,
    runId,
    month: plan.month,
    generatedAt: io.now().toISOString(),
    services: [],
    steps: [],
  };
  const progress = createProgress(io.stdout, !options.plain, 7);
  const use = (info: ServiceInfo) => report.services.push(info);
  // Slow starts (CloudKitty, the embedded catalog database) run in the background from the beginning.
  const cloudkittyStart = connectCloudKitty(options, io.env, (names) => {
    io.stdout.write(
      "Starting CloudKitty in the background (tooling/services; a first run installs Debian's packages).\n\n",
    );
    return io.ensure(names);
  });
  // The catalog stand-in keeps its data on the project's PostgreSQL when it runs (MK_PG_URL, or started
  // together with CloudKitty); otherwise on embedded PGlite.
  const catalogStart = connectSlaCatalog(options, cleanup, async () => {
    const url = io.env.MK_PG_URL ?? (await cloudkittyStart.catch(() => undefined))?.started?.MK_PG_URL;
    return url ? { url, runId } : undefined;
  });
  const settle = Promise.allSettled([cloudkittyStart, catalogStart]);
  // Registered first, so it runs last: closes registered by late starts still run after it.
  cleanup.add("background starts", async () => void (await settle));
  const dir = resolve(options.outDir ?? (await mkdtemp(join(tmpdir(), "meterkit-demo-"))));
  const htmlPath = join(dir, "report.html");
  const jsonPath = join(dir, "report.json");
  const writeReports = async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(htmlPath, renderHtml(report, plan.days));
  };
  try {
    const inventory = await runStep(
      report,
      progress,
      { id: "inventory", title: "Describe the inventory (connector-model)", service: null },
      async () => describeInventory(plan),
      (r) =>
        `${Object.entries(r.counts)
          .map(([k, v]) => `${v} ${k}s`)
          .join(", ")}, ${r.bytes} bytes serialized`,
    );
    report.inventory = inventory;
    const usage = plannedInstanceUsage(plan);
    report.metrics = await runStep(
      report,
      progress,
      { id: "metrics", title: "Convert raw metrics (metric-parser)", service: null },
      async () => convertMetrics(plan, usage),
      (r) =>
        `${r.conversions.length} conversions, ${r.waldurUsage.map((u) => `${u.type}=${u.amount}`).join(", ")}`,
    );
    const ledger = await runStep(
      report,
      progress,
      { id: "ledger", title: "Record lifecycles in Almanach (ledger-client)", service: "almanach" },
      async () => {
        const almanach = await connectAlmanach(options, cleanup);
        use(almanach.info);
        return recordLifecycles(almanach.client, plan);
      },
      (r) =>
        `${r.result.eventsWritten} events written, ${r.result.tenants.map((t) => `${t.tenant}: ${t.rows} rows`).join(", ")}`,
    );
    report.ledger = ledger.result;
    const created: CreatedRules = { services: [], groups: [] };
    report.rating = await runStep(
      report,
      progress,
      { id: "rating", title: "Rate the month (CloudKitty + local engine)", service: "cloudkitty" },
      async () => {
        const cloudkitty = await cloudkittyStart;
        use(cloudkitty.info);
        if ("client" in cloudkitty.handle) {
          const client = cloudkitty.handle.client;
          cleanup.add("CloudKitty rules", () => deleteRules(client, created));
        }
        return rateUsage(cloudkitty.handle, plan, ledger.rows, created);
      },
      (r) =>
        `${r.engine}: ${r.tenants.map((t) => `${t.tenant} ${Number(t.local).toFixed(2)} EUR`).join(", ")}${r.cloudkittyNote ? ` (${r.cloudkittyNote})` : ""}`,
    );
    report.catalog = await runStep(
      report,
      progress,
      { id: "catalog", title: "Publish the SLA catalog (sla-catalog-client)", service: "sla-catalog" },
      async () => {
        const catalog = await catalogStart;
        use(catalog.info);
        return publishCatalog(catalog.client, plan);
      },
      (r) =>
        `product ${r.productId}, offer ${r.offerId}, ${r.unitResources.length} priced items, party ${r.partyStatus}`,
    );
    const metrics = report.metrics;
    report.allocation = await runStep(
      report,
      progress,
      { id: "allocation", title: "Report to Waldur (allocation-client)", service: "waldur" },
      async () => {
        const waldur = await connectWaldur(options, cleanup);
        use(waldur.info);
        return runAllocation(waldur.client, plan, metrics);
      },
      (r) =>
        `${r.approvedOrders.length} orders approved, ${r.backendIds.length} backend ids, ${r.usages.length} usages, ${r.offeringUser ? 1 : 0} user granted`,
    );
    await runStep(
      report,
      progress,
      { id: "report", title: "Write the reports", service: null },
      writeReports,
      () => dir,
    );
    // Once more, so that report.json also lists its own step.
    await writeReports();
  } catch (error) {
    // Leave what was done inspectable, then fail.
    if (
      await writeReports().then(
        () => true,
        () => false,
      )
    )
      io.stdout.write(`\nPartial reports: ${htmlPath}\n                 ${jsonPath}\n`);
    throw error;
  }
  return { report, dir, htmlPath, jsonPath };
}
