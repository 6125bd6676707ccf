import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect } from "@meterkit/core";
import { EXIT } from "@meterkit/core/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ToolSpec } from "../src/cli/spec.js";
import { TOOLS } from "../src/cli/tools.js";
import type { CatalogClient } from "../src/index.js";
import {
  ADMIN_TOKEN,
  BIN,
  engines,
  type Running,
  readSeed,
  seedExamples,
  snapshot,
  startService,
  templateXml,
} from "./support/service.js";

const ENGINES = await engines();
const EXAMPLES = seedExamples(readSeed());
const SEED_TEMPLATE = "CT-Contrail-new-SLAT-8-NoVariable";

/** Runs the built bin; resolves with the exit code and both streams. */
export function runBin(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { SLA_CATALOG_URL: _url, SLA_CATALOG_TOKEN: _token, ...inherited } = process.env;
  // The services of these tests accept ADMIN_TOKEN; a test may give another token, or "" for none.
  const options = { cwd, timeout: 60_000, env: { ...inherited, SLA_CATALOG_TOKEN: ADMIN_TOKEN, ...env } };
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], options, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Fetches what a creating tool wrote, by the id it printed. */
const readers: Record<
  string,
  (c: CatalogClient, id: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>
> = {
  AddProduct: (c, id) => c.products.get({ productId: Number(id) }) as never,
  AddTemplate: (c, id, input) =>
    c.templates.get({ templateId: id, registry: input.registry as never }) as never,
  AddProductOffer: (c, id) => c.offers.get({ offerId: Number(id) }) as never,
  AddUnitResource: (c, id) => c.unitResources.get({ unitResourceId: Number(id) }) as never,
  AddFixedFee: (c, id) => c.prices.get({ priceId: Number(id) }) as never,
  AddVariableFee: (c, id) => c.prices.get({ priceId: Number(id) }) as never,
  AddCompoundFee: (c, id) => c.prices.get({ priceId: Number(id) }) as never,
  AddGuarantee: (c, id) => c.guarantees.get({ guaranteeId: Number(id) }) as never,
};

/** The API value a flag's text must come back as (decimals compared as numbers). */
function expected(
  tool: ToolSpec,
  flag: string,
  raw: string,
  cwdFiles: Record<string, string>,
): [string, unknown] {
  const spec = tool.flags.find((f) => f.flag === flag);
  if (!spec) throw new Error(`${tool.name} has no flag -${flag}`);
  switch (spec.kind) {
    case "decimal":
      return [spec.field, Number(raw)];
    case "int":
      return [spec.field, Number(raw)];
    case "ids":
      return [spec.field, raw.split(",").map(Number)];
    case "ymd":
      return [spec.field, `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`];
    case "dmy": {
      const [d, m, y] = raw.split("/");
      return [spec.field, `${y}-${m?.padStart(2, "0")}-${d?.padStart(2, "0")}`];
    }
    case "yesno":
      return [spec.field, raw === "yes"];
    case "file":
      return [spec.field, cwdFiles[raw]];
    default:
      return [spec.field, raw];
  }
}

describe.each(ENGINES)("the seed's request examples, run with the built bin on $name", (engine) => {
  let svc: Running;
  let cwd = "";
  const files: Record<string, string> = { "template.txt": templateXml(SEED_TEMPLATE) };
  beforeAll(async () => {
    svc = await startService(engine);
    cwd = mkdtempSync(join(tmpdir(), "sla-cli-"));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(cwd, name), content);
    // What the examples assume exists: party 465 (PENDING), product 9, fixed fees 1, 2 and variable fees 5, 6.
    const c = svc.client;
    await c.parties.create({ id: 465, name: "Contrail provider" });
    await c.products.create({ id: 9, partyId: 465, name: "Product nine" });
    const v = {
      validFrom: "2013-01-01",
      validUntil: "2013-12-31",
      period: "per_month",
      type: "per_hour",
      value: "0.10",
    } as const;
    for (const id of [1, 2]) await c.fixedFees.create({ ...v, id });
    for (const id of [5, 6])
      await c.variableFees.create({
        ...v,
        id,
        datatype: "GB",
        quantity: 1,
        condition: "less_than",
        conditionValue: 10,
        conditionDatatype: "GB",
      });
  }, 120_000);
  afterAll(async () => {
    await svc?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("finds the 15 examples of the seed, one per tool, in its order", () => {
    expect(EXAMPLES.map((e) => e.tool)).toEqual([
      "AddProduct",
      "AddTemplate",
      "AddProductOffer",
      "GetTemplate",
      "GetTemplateList",
      "GetProductList",
      "ApproveParty",
      "AddUnitResource",
      "AddFixedFee",
      "AddVariableFee",
      "AddCompoundFee",
      "AddGuarantee",
      "AssociatePrice",
      "AssociateGuarantee",
      "DeleteUnitResource",
    ]);
  });

  it("without a token, or with a revoked-looking one, every example is refused (exit 7) and nothing changes", async () => {
    const before = await snapshot(svc.client);
    const jobs = ["", "slac_000000000000_not-a-real-token-0123456789"].flatMap((token) =>
      EXAMPLES.map(({ tool: name, args }) => ({ token, name, args })),
    );
    // Refusals change nothing, so they may run side by side: a few processes at a time.
    for (let i = 0; i < jobs.length; i += 3) {
      await Promise.all(
        jobs.slice(i, i + 3).map(async ({ token, name, args }) => {
          const run = await runBin([name, ...args, "-url", svc.url], cwd, { SLA_CATALOG_TOKEN: token });
          expect(run.code, `${name}: ${run.stderr}`).toBe(EXIT.auth);
          expect(run.stderr).toMatch(/unauthorized/);
          if (token) expect(run.stderr).not.toContain(token);
        }),
      );
    }
    expect(await snapshot(svc.client)).toEqual(before);
  }, 120_000);

  it("AddParty registers the party the flow needs; GetTemplateList -summary and an unknown product", async () => {
    const added = await runBin(["AddParty", "-n", "Registered by the CLI", "-url", svc.url], cwd);
    expect(added.stderr).toBe("");
    const partyId = Number(added.stdout.trim());
    expect(await svc.client.parties.get({ partyId })).toMatchObject({
      name: "Registered by the CLI",
      status: "PENDING",
    });
    const approved = await runBin(
      ["ApproveParty", "-p", String(partyId), "-b", "0", "-cl", "10", "-url", svc.url],
      cwd,
    );
    expect(approved.code, approved.stderr).toBe(0);
    const unknown = await runBin(["GetTemplateList", "-p", "999999", "-url", svc.url], cwd);
    expect(unknown.code).toBe(EXIT.notFound);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/999999/);
  }, 120_000);

  it("runs each example as written and reads back what it wrote", async () => {
    const c = svc.client;
    for (const { tool: name, args } of EXAMPLES) {
      const tool = TOOLS.find((t) => t.name === name) as ToolSpec;
      // The seed assumes a priced item 3 when it associates prices and guarantees.
      if (name === "AssociatePrice") await c.unitResources.create({ id: 3, name: "VM", type: "vm" });
      const run = await runBin([name, ...args, "-url", svc.url], cwd);
      expect(run.stderr, `${name} ${args.join(" ")}`).toBe("");
      expect(run.code, name).toBe(0);
      const given = new Map<string, string>();
      for (let i = 0; i < args.length; i += 2) given.set((args[i] as string).slice(1), args[i + 1] as string);
      const reader = readers[name];
      if (reader) {
        const id = run.stdout.trim();
        expect(id, name).toMatch(/^\S+$/);
        const row = await reader(
          c,
          id,
          Object.fromEntries([...given].map(([f, raw]) => expected(tool, f, raw, files))),
        );
        for (const [flag, raw] of given) {
          const [field, value] = expected(tool, flag, raw, files);
          const actual =
            typeof value === "number" && typeof row[field] === "string" ? Number(row[field]) : row[field];
          expect(actual, `${name} -${flag} → ${field}`).toEqual(value);
        }
        continue;
      }
      switch (name) {
        case "GetTemplate":
          expect(run.stdout).toBe(`${files["template.txt"]}\n`);
          break;
        case "GetTemplateList":
          // The seed: "returns the templates in SLA@SOI syntax" — the documents themselves.
          expect(run.stdout).toBe(files["template.txt"]);
          {
            const summary = await runBin([name, ...args, "-summary", "yes", "-url", svc.url], cwd);
            expect(summary.stdout.split("\n")[0]?.split("\t").slice(0, 3)).toEqual([
              SEED_TEMPLATE,
              "BSLAM",
              "sla_at_soi_sla_model_v1.0",
            ]);
          }
          break;
        case "GetProductList": {
          const ids = run.stdout
            .trim()
            .split("\n")
            .map((l) => Number(l.split("\t")[0]));
          expect(ids).toEqual((await collect(c.products.list())).map((p) => p.id));
          expect(ids).toContain(9);
          break;
        }
        case "ApproveParty":
          expect(await c.parties.get({ partyId: Number(given.get("p")) })).toMatchObject({
            status: "APPROVED",
            balance: given.get("b"),
            creditLimit: given.get("cl"),
          });
          break;
        case "AssociatePrice":
          expect((await c.pricedItems.get({ pricedItemId: Number(given.get("pi")) })).priceId).toBe(
            Number(given.get("p")),
          );
          break;
        case "AssociateGuarantee":
          expect((await c.pricedItems.get({ pricedItemId: Number(given.get("p")) })).guaranteeIds).toContain(
            Number(given.get("g")),
          );
          break;
        case "DeleteUnitResource":
          await expect(
            c.unitResources.get({ unitResourceId: Number(given.get("id")) }),
          ).rejects.toMatchObject({ status: 404 });
          break;
        default:
          throw new Error(`no read-back for ${name}`);
      }
    }
  }, 300_000);

  it("prints JSON with --format json and fails with distinct exit codes", async () => {
    const json = await runBin(["GetProductList", "--format", "json", "-url", svc.url], cwd);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { id: number }[]).map((p) => p.id)).toContain(9);
    expect((await runBin(["AddGuarantee", "-n", "x", "-url", svc.url], cwd)).code).toBe(EXIT.usage);
    expect(
      (
        await runBin(
          ["AddGuarantee", "-n", "x", "-d", "y", "-t", "location", "-p", "2", "-url", svc.url],
          cwd,
        )
      ).code,
    ).toBe(EXIT.invalid);
    expect((await runBin(["GetTemplate", "-t", "missing", "-url", svc.url], cwd)).code).toBe(EXIT.notFound);
    expect((await runBin(["DeleteParty", "-id", "465", "-url", svc.url], cwd)).code).toBe(EXIT.conflict);
    const down = await runBin(["GetProductList", "-host", "127.0.0.1", "-port", "1"], cwd);
    expect(down.code).toBe(EXIT.unavailable);
    expect(down.stderr).toMatch(/ECONNREFUSED/);
    const help = await runBin(["AddFixedFee", "--help"], cwd);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toMatch(
      /-f dd\/mm\/yyyy\s+Fixed fee validity from \[dd\/mm\/yyyy\] → validFrom \(mandatory\)/,
    );
    expect(help.stdout).toMatch(/-c TEXT\s+Fixed fee currency → currency \(default: EUR\)/);
    // The original scripts' spelling still names the tool, through the bin too.
    const script = await runBin(["./getproductlist.sh", "-format", "json", "-url", svc.url], cwd);
    expect(script.code, script.stderr).toBe(EXIT.ok);
    expect(JSON.parse(script.stdout)).toEqual(JSON.parse(json.stdout));
    // SLA_CATALOG_URL stands in for -url; an explicit -host/-port still wins over it.
    const viaEnv = await runBin(["GetProductList", "--format", "json"], cwd, { SLA_CATALOG_URL: svc.url });
    expect(viaEnv.code, viaEnv.stderr).toBe(EXIT.ok);
    expect(JSON.parse(viaEnv.stdout)).toEqual(JSON.parse(json.stdout));
    const hostWins = await runBin(["GetProductList", "-host", "127.0.0.1", "-port", "1"], cwd, {
      SLA_CATALOG_URL: svc.url,
    });
    expect(hostWins.code).toBe(EXIT.unavailable);
  }, 120_000);
});
