/** The `sla-catalog` program: the SLA@SOI provider tools as commands of core's CLI kit. */
import { readFileSync } from "node:fs";
import { isSdkError } from "@meterkit/core";
import type { CliProgram, CommandSpec } from "@meterkit/core/cli";
import type { CatalogClient } from "../client.js";
import { isCatalogError } from "../errors.js";
import { optionOf, readFlags } from "./flags.js";
import { clientOf, GLOBALS } from "./globals.js";
import type { ToolSpec } from "./spec.js";
import { TOOLS } from "./tools.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

const byCommand = new Map<string, ToolSpec>();

function commandOf(tool: ToolSpec): CommandSpec<CatalogClient> {
  const mandatory = tool.flags.filter((f) => f.mandatory).map((f) => `-${f.flag}`);
  byCommand.set(tool.name, tool);
  return {
    name: tool.name,
    summary: tool.summary,
    description: mandatory.length ? `Mandatory flags: ${mandatory.join(", ")}.` : undefined,
    options: tool.flags.map(optionOf),
    async run(context) {
      const input = readFlags(tool, context.options, context.io.cwd ?? process.cwd());
      const result = await tool.run(context.setup(), input);
      return { json: result.json, text: result.lines.map((line) => `${line}\n`).join("") };
    },
  };
}

/** `-p (partyId)` for an API field, so a problem line names the flag the user typed. */
function flagOf(tool: ToolSpec | undefined, field: string): string {
  const top = field.split(".")[0] ?? field;
  const spec = tool?.flags.find((f) => f.field === top);
  return spec ? `-${spec.flag} (${field})` : field;
}

/** The `sla-catalog` CLI: every SLA@SOI provider tool, with the seed's single-dash flags. @public */
export const program: CliProgram<CatalogClient> = {
  name: "sla-catalog",
  version: VERSION,
  summary: "The SLA@SOI provider tools, against an SLA catalog service.",
  dashes: "single",
  globals: GLOBALS,
  commands: TOOLS.map(commandOf),
  setup: clientOf,
  epilogue:
    "Tool names are case-insensitive and may be written as the original scripts (./AddProduct.sh).\n" +
    "Dates are YYYYMMDD for products and offers, dd/mm/yyyy for fees, as each tool documents.",
  describeError(error, command) {
    const tool = command ? byCommand.get(command.name) : undefined;
    if (isSdkError(error, "invalid_input")) {
      return error.issues.map((issue) => `${flagOf(tool, issue.path.join("."))}: ${issue.message}`);
    }
    if (isCatalogError(error)) {
      return error.errors.map((e) => `${flagOf(tool, e.field)}: ${e.message} [${e.code}]`);
    }
    return undefined;
  },
};

/**
 * `./AddProduct.sh` and `/opt/tools/AddProduct.sh` name the AddProduct tool, as the original scripts were
 * run; the kit already matches names case-insensitively.
 */
export function normaliseToolName(argv: readonly string[]): string[] {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith("-")) return [...argv];
  return [first.replace(/^.*\//, "").replace(/\.sh$/i, ""), ...rest];
}
