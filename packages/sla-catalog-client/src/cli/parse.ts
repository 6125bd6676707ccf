import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { FlagSpec, ToolSpec } from "./spec.js";

/** A usage error: caught before any request, exit code 2. */
export class UsageError extends Error {}

/** Flags every tool accepts. */
export const GLOBAL_FLAGS = [
  { flag: "host", help: "SLA catalog host", default: "localhost" },
  { flag: "port", help: "SLA catalog port", default: "8080" },
  { flag: "url", help: "Base URL (overrides -host and -port), e.g. http://h:8080/sla-catalog/v1" },
  { flag: "format", help: "Output format [table | json]", default: "table" },
] as const;

/** What one invocation asks for. */
export interface Invocation {
  readonly input: Record<string, unknown>;
  readonly baseUrl: string;
  readonly format: "table" | "json";
  readonly help: boolean;
}

/**
 * The seed's flags are single-dash and multi-letter (`-mp`, `-condv`), which node:util parseArgs would read
 * as groups of short flags. So a known `-name` is rewritten to `--name=value` first; `=` keeps values that
 * start with a dash (`-condv -1`) from being taken for flags.
 */
function normalise(argv: readonly string[], known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = /^--?([A-Za-z][\w-]*)$/.exec(arg)?.[1];
    if (name === "h" || name === "help") out.push("--help");
    else if (name !== undefined && known.has(name) && i + 1 < argv.length) out.push(`--${name}=${argv[++i]}`);
    // An unknown single-dash word is still one flag (`-zz`, not `-z -z`), so the error names it whole.
    else out.push(name !== undefined && !arg.startsWith("--") ? `--${name}` : arg);
  }
  return out;
}

/** Reads `argv` (after the tool name) against the tool's flags. */
export function parseInvocation(tool: ToolSpec, argv: readonly string[], cwd: string): Invocation {
  const names = new Set<string>([...tool.flags.map((f) => f.flag), ...GLOBAL_FLAGS.map((g) => g.flag)]);
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries([...names].map((n) => [n, { type: "string" as const }]));
    values = parseArgs({
      args: normalise(argv, names),
      options: { ...options, help: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${tool.name}: ${(error as Error).message.replace(/'--/g, "'-")}`);
  }
  const format = (values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json")
    throw new UsageError(`${tool.name}: --format must be table or json, got ${format}`);
  const help = values.help === true;
  const input: Record<string, unknown> = {};
  if (!help) {
    for (const spec of tool.flags) {
      const raw = values[spec.flag];
      if (raw === undefined) {
        if (spec.mandatory)
          throw new UsageError(
            `${tool.name}: missing mandatory flag -${spec.flag} (${spec.field}: ${spec.help})`,
          );
        continue;
      }
      input[spec.field] = convert(tool.name, spec, String(raw), cwd);
    }
  }
  return { input, format, help, baseUrl: baseUrlOf(tool.name, values) };
}

function baseUrlOf(toolName: string, values: Record<string, string | boolean | undefined>): string {
  const url = values.url as string | undefined;
  if (url !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`${toolName}: -url must be an absolute URL, got ${url}`);
    }
    if (parsed.pathname === "/" || parsed.pathname === "") parsed.pathname = "/sla-catalog/v1";
    return parsed.href;
  }
  const host = (values.host as string | undefined) ?? "localhost";
  const port = (values.port as string | undefined) ?? "8080";
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535)
    throw new UsageError(`${toolName}: -port must be a TCP port, got ${port}`);
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}/sla-catalog/v1`;
}

function convert(tool: string, spec: FlagSpec, raw: string, cwd: string): unknown {
  const fail = (what: string): never => {
    throw new UsageError(
      `${tool}: -${spec.flag} (${spec.field}) must be ${what}, got ${JSON.stringify(raw)}`,
    );
  };
  switch (spec.kind) {
    case "int":
      return /^\d{1,10}$/.test(raw) ? Number(raw) : fail("a positive integer");
    case "ids":
      return raw
        .split(",")
        .map((part) => (/^\s*\d{1,10}\s*$/.test(part) ? Number(part) : fail("a list of ids like 1,2,3")));
    case "yesno":
      return /^(yes|no)$/i.test(raw) ? raw.toLowerCase() === "yes" : fail("yes or no");
    case "ymd": {
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw) ?? fail("a date YYYYMMDD");
      return realDay(m[1], m[2], m[3]) ?? fail("a real date YYYYMMDD");
    }
    case "dmy": {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw) ?? fail("a date dd/mm/yyyy");
      return (
        realDay(m[3], (m[2] as string).padStart(2, "0"), (m[1] as string).padStart(2, "0")) ??
        fail("a real date dd/mm/yyyy")
      );
    }
    case "file":
      try {
        return readFileSync(resolve(cwd, raw), "utf8");
      } catch (error) {
        return fail(`a readable file (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
      }
    default:
      return raw;
  }
}

function realDay(y: string | undefined, m: string | undefined, d: string | undefined): string | undefined {
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : undefined;
}
