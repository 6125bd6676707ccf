import { InvalidInputError, isSdkError } from "@meterkit/core";
import { createCatalogClient } from "../client.js";
import { CatalogError } from "../errors.js";
import { mainHelp, toolHelp } from "./help.js";
import { parseInvocation, UsageError } from "./parse.js";
import type { ToolSpec } from "./spec.js";
import { CATALOG_TOOLS } from "./tools-catalog.js";
import { DELETE_TOOLS } from "./tools-delete.js";
import { PRICING_TOOLS } from "./tools-pricing.js";

/** Every tool the CLI knows, in the seed's order. @internal */
export const TOOLS: readonly ToolSpec[] = [...CATALOG_TOOLS, ...PRICING_TOOLS, ...DELETE_TOOLS];

/** Exit codes of the `sla-catalog` CLI. @public */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  validation: 3,
  notFound: 4,
  conflict: 5,
  connection: 6,
} as const;

/** Where the CLI writes, and the directory relative file flags are read from. @public */
export interface CliIo {
  /** Receives results and help text, newline included. */
  stdout(text: string): void;
  /** Receives usage and error messages, newline included. */
  stderr(text: string): void;
  /** The directory relative file flags are resolved against. */
  cwd: string;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

/**
 * Runs `sla-catalog <Tool> [flags]` and returns the exit code. Tool names are case-insensitive and may be
 * written as the original scripts (`./AddProduct.sh`).
 * @public
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "-help") {
    (first === undefined ? io.stderr : io.stdout)(`${mainHelp(TOOLS)}\n`);
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  const wanted = first.replace(/^.*\//, "").replace(/\.sh$/i, "").toLowerCase();
  const tool = TOOLS.find((t) => t.name.toLowerCase() === wanted);
  if (!tool) {
    io.stderr(`sla-catalog: unknown tool ${first}; see sla-catalog --help\n`);
    return EXIT.usage;
  }
  try {
    const call = parseInvocation(tool, rest, io.cwd);
    if (call.help) {
      io.stdout(`${toolHelp(tool)}\n`);
      return EXIT.ok;
    }
    const client = createCatalogClient({
      baseUrl: call.baseUrl,
      timeoutMs: 30_000,
      userAgent: "sla-catalog-cli",
    });
    const result = await tool.run(client, call.input);
    const text =
      call.format === "json"
        ? `${JSON.stringify(result.json, null, 2)}\n`
        : result.lines.map((l) => `${l}\n`).join("");
    io.stdout(text);
    return EXIT.ok;
  } catch (error) {
    return report(tool, error, io);
  }
}

function flagOf(tool: ToolSpec, field: string): string {
  const top = field.split(".")[0] ?? field;
  const spec = tool.flags.find((f) => f.field === top);
  return spec ? `-${spec.flag} (${field})` : field;
}

function report(tool: ToolSpec, error: unknown, io: CliIo): number {
  const write = (line: string) => io.stderr(`${line}\n`);
  if (error instanceof UsageError) {
    write(`sla-catalog: usage error: ${error.message}`);
    return EXIT.usage;
  }
  if (error instanceof InvalidInputError) {
    write(`sla-catalog: ${tool.name}: invalid input`);
    for (const issue of error.issues) write(`  ${flagOf(tool, issue.path.join("."))}: ${issue.message}`);
    return EXIT.validation;
  }
  if (error instanceof CatalogError) {
    write(`sla-catalog: ${tool.name}: error ${error.problemCode}: ${error.detail}`);
    for (const e of error.errors) write(`  ${flagOf(tool, e.field)}: ${e.message} [${e.code}]`);
    if (error.status === 404) return EXIT.notFound;
    if (error.status === 409) return EXIT.conflict;
    return error.status >= 500 ? EXIT.connection : EXIT.validation;
  }
  if (isSdkError(error)) {
    write(`sla-catalog: ${tool.name}: ${error.message}`);
    const status = (error as { status?: number }).status;
    if (error.code === "http_error" && status !== undefined && status < 500)
      return status === 404 ? EXIT.notFound : EXIT.validation;
    return EXIT.connection;
  }
  write(
    `sla-catalog: ${tool.name}: unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  );
  return EXIT.unexpected;
}
