import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT } from "@meterkit/core/cli";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run as runCli } from "../src/cli/index.js";
import { TOOLS } from "../src/cli/tools.js";
import {
  ADMIN_TOKEN,
  engines,
  type Running,
  snapshot,
  startService,
  templateXml,
} from "./support/service.js";

const ENGINES = await engines();

/** Valid mandatory flags of every tool that has some; each case below drops or spoils one. */
const VALID: Record<string, string[]> = {
  AddProduct: ["-n", "P", "-p", "465"],
  AddTemplate: ["-t", "other.xml"],
  AddProductOffer: ["-p", "9", "-pa", "465", "-t", "T-1"],
  GetTemplate: ["-t", "T-1"],
  ApproveParty: ["-b", "10", "-cl", "5000", "-p", "465"],
  AddUnitResource: ["-n", "CPU", "-t", "cpu_speed"],
  AddFixedFee: ["-f", "01/01/2013", "-u", "31/12/2013", "-p", "per_month", "-t", "per_hour", "-v", "0.20"],
  AddVariableFee: [
    "-f",
    "01/01/2013",
    "-u",
    "31/12/2013",
    "-p",
    "per_month",
    "-t",
    "per_month",
    "-v",
    "0.20",
    "-q",
    "1",
    "-d",
    "GB",
    "-cond",
    "less_than",
    "-condv",
    "1",
    "-condd",
    "GB",
  ],
  AddCompoundFee: ["-f", "01/01/2013", "-u", "31/12/2013", "-p", "per_month", "-ff", "1"],
  AddGuarantee: ["-n", "G", "-d", "D", "-t", "location", "-p", "0.15"],
  AssociatePrice: ["-p", "1", "-pi", "3"],
  AssociateGuarantee: ["-g", "1", "-p", "3"],
  DeleteTemplate: ["-id", "T-1"],
};
for (const tool of TOOLS)
  if (tool.name.startsWith("Delete") && !VALID[tool.name]) VALID[tool.name] = ["-id", "999"];

/** [tool, flag to set, bad value, exit code, flag the error must name]. */
const BAD: [string, string, string, number, string][] = [
  // enumerations
  ["AddTemplate", "slam", "XSLAM", EXIT.invalid, "-slam"],
  ["GetTemplate", "slam", "FSLAM", EXIT.invalid, "-slam"],
  ["GetTemplateList", "slam", "bslam", EXIT.invalid, "-slam"],
  ["AddProductOffer", "t", "T-1", EXIT.ok, ""],
  ["AddFixedFee", "p", "per_fortnight", EXIT.invalid, "-p"],
  ["AddFixedFee", "t", "hourly", EXIT.invalid, "-t"],
  ["AddFixedFee", "d", "TB", EXIT.invalid, "-d"],
  ["AddFixedFee", "c", "euro", EXIT.invalid, "-c"],
  ["AddVariableFee", "cond", "about", EXIT.invalid, "-cond"],
  ["AddVariableFee", "condd", "KB", EXIT.invalid, "-condd"],
  ["AddVariableFee", "d", "TB", EXIT.invalid, "-d"],
  ["AddCompoundFee", "p", "monthly", EXIT.invalid, "-p"],
  ["AddGuarantee", "op", "near", EXIT.invalid, "-op"],
  ["AddUnitResource", "r", "maybe", EXIT.usage, "-r"],
  ["AddProduct", "nt", "AB", EXIT.invalid, "-nt"],
  // ranges and formats
  ["AddGuarantee", "p", "0", EXIT.invalid, "-p"],
  ["AddGuarantee", "p", "1.01", EXIT.invalid, "-p"],
  ["AddGuarantee", "p", "-0.5", EXIT.invalid, "-p"],
  ["AddProduct", "mp", "-1", EXIT.invalid, "-mp"],
  ["AddProduct", "ur", "-1", EXIT.usage, "-ur"],
  ["AddProduct", "df", "20230229", EXIT.usage, "-df"],
  ["AddProduct", "dt", "2025-01-01", EXIT.usage, "-dt"],
  ["AddProduct", "dt", "20000101", EXIT.invalid, "-dt"],
  ["AddProductOffer", "dt", "19990101", EXIT.invalid, "-dt"],
  ["AddFixedFee", "u", "31/12/2012", EXIT.invalid, "-u"],
  ["AddFixedFee", "f", "2013-01-01", EXIT.usage, "-f"],
  ["AddFixedFee", "q", "0", EXIT.invalid, "-q"],
  ["AddFixedFee", "v", "cheap", EXIT.invalid, "-v"],
  ["ApproveParty", "cl", "-5", EXIT.invalid, "-cl"],
  ["ApproveParty", "b", "ten", EXIT.invalid, "-b"],
  ["AddCompoundFee", "ff", "1,x", EXIT.usage, "-ff"],
  ["AddCompoundFee", "ff", "1,1", EXIT.invalid, "-ff"],
  ["AddTemplate", "t", "missing.xml", EXIT.usage, "-t"],
  ["AddTemplate", "t", "not-a-template.xml", EXIT.invalid, "-t"],
  // ids that must exist
  ["AddProduct", "p", "999", EXIT.invalid, "-p"],
  ["AddTemplate", "p", "999", EXIT.invalid, "-p"],
  ["AddProductOffer", "p", "999", EXIT.invalid, "-p"],
  ["AddProductOffer", "pa", "999", EXIT.invalid, "-pa"],
  ["AddProductOffer", "t", "No-Such-SLAT", EXIT.invalid, "-t"],
  ["ApproveParty", "p", "999", EXIT.notFound, ""],
  ["AddCompoundFee", "ff", "999", EXIT.invalid, "-ff"],
  ["AddCompoundFee", "vf", "1", EXIT.invalid, "-vf"],
  ["AddGuarantee", "s", "No-Such-SLAT", EXIT.invalid, "-s"],
  ["AssociatePrice", "p", "999", EXIT.invalid, "-p"],
  ["AssociatePrice", "pi", "999", EXIT.notFound, ""],
  ["AssociateGuarantee", "g", "999", EXIT.notFound, ""],
  ["AssociateGuarantee", "p", "999", EXIT.notFound, ""],
  ["GetTemplate", "t", "No-Such-SLAT", EXIT.notFound, ""],
  ["DeleteProduct", "id", "999", EXIT.notFound, ""],
  ["DeleteGuarantee", "id", "1", EXIT.conflict, ""],
  ["DeleteTemplate", "id", "T-1", EXIT.conflict, ""],
  ["DeleteParty", "id", "465", EXIT.conflict, ""],
  ["AddProduct", "p", "465", EXIT.usage, "-zz"],
];

function withFlag(args: readonly string[], flag: string, value: string): string[] {
  const out = [...args];
  const at = out.indexOf(`-${flag}`);
  if (at >= 0) out[at + 1] = value;
  else out.push(`-${flag}`, value);
  return out;
}

describe.each(ENGINES)("bad input through the CLI on $name", (engine) => {
  let svc: Running;
  let cwd = "";
  const run = async (args: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli([...args, "-url", svc.url], {
      env: { SLA_CATALOG_TOKEN: ADMIN_TOKEN },
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      cwd,
    });
    return { code, stdout, stderr };
  };
  beforeAll(async () => {
    svc = await startService(engine);
    cwd = mkdtempSync(join(tmpdir(), "sla-bad-"));
    writeFileSync(join(cwd, "other.xml"), templateXml("T-2"));
    writeFileSync(join(cwd, "not-a-template.xml"), "<html/>");
    const c = svc.client;
    await c.parties.create({ id: 465 });
    await c.products.create({ id: 9, partyId: 465, name: "P" });
    await c.templates.create({ content: templateXml("T-1") });
    await c.offers.create({ productId: 9, partyId: 465, templateId: "T-1" });
    await c.fixedFees.create({
      validFrom: "2013-01-01",
      validUntil: "2013-12-31",
      period: "per_month",
      type: "per_hour",
      value: "1",
    });
    await c.unitResources.create({ id: 3, name: "VM", type: "vm" });
    await c.guarantees.create({ name: "G", description: "D", type: "location", percentage: "0.5" });
    await c.pricedItems.addGuarantee({ guaranteeId: 1, pricedItemId: 3 });
  }, 120_000);
  afterAll(async () => {
    await svc?.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it("refuses each missing mandatory flag of every tool before any request, naming it", async () => {
    const before = await snapshot(svc.client);
    let cases = 0;
    for (const tool of TOOLS) {
      for (const flag of tool.flags.filter((f) => f.mandatory)) {
        const valid = VALID[tool.name];
        expect(valid, `VALID has no args for ${tool.name}`).toBeDefined();
        const args = [...(valid as string[])];
        const at = args.indexOf(`-${flag.flag}`);
        expect(at, `${tool.name} VALID lacks -${flag.flag}`).toBeGreaterThanOrEqual(0);
        args.splice(at, 2);
        const result = await run([tool.name, ...args]);
        expect(result.code, `${tool.name} without -${flag.flag}`).toBe(EXIT.usage);
        expect(result.stderr).toContain(`missing mandatory flag -${flag.flag} (${flag.field}`);
        cases++;
      }
    }
    expect(cases).toBeGreaterThanOrEqual(40);
    expect(await snapshot(svc.client)).toEqual(before);
  });

  it.each(BAD.filter((b) => b[3] !== EXIT.ok))(
    "%s -%s %s → exit %i naming %s, database unchanged",
    async (tool, flag, value, code, named) => {
      const before = await snapshot(svc.client);
      const args =
        flag === "p" && named === "-zz"
          ? [...(VALID[tool] ?? []), "-zz", "1"]
          : withFlag(VALID[tool] ?? [], flag, value);
      const result = await run([tool, ...args]);
      expect(result.code, result.stderr).toBe(code);
      expect(result.stdout).toBe("");
      if (named) expect(result.stderr).toContain(named);
      expect(result.stderr.startsWith(`sla-catalog ${tool}: `), result.stderr).toBe(true);
      expect(await snapshot(svc.client)).toEqual(before);
    },
  );
});
