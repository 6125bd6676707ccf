import { GLOBAL_FLAGS } from "./parse.js";
import type { ToolSpec } from "./spec.js";

/** `sla-catalog --help`: the tools. */
export function mainHelp(tools: readonly ToolSpec[]): string {
  const width = Math.max(...tools.map((t) => t.name.length));
  return [
    "Usage: sla-catalog <Tool> [flags]     (sla-catalog <Tool> --help for its flags)",
    "",
    "The SLA@SOI provider tools, against an SLA catalog service.",
    "",
    "Tools:",
    ...tools.map((t) => `  ${t.name.padEnd(width)}  ${t.summary}`),
    "",
    "Exit codes: 0 ok, 1 unexpected, 2 usage, 3 validation, 4 not found, 5 conflict, 6 connection or server error.",
  ].join("\n");
}

/** `sla-catalog <Tool> --help`: every flag with its default and mandatory mark. */
export function toolHelp(tool: ToolSpec): string {
  const line = (flag: string, help: string, mandatory?: boolean, def?: string) =>
    `  -${flag.padEnd(6)} ${help}${mandatory ? " (mandatory)" : ""}${def ? ` (default: ${def})` : ""}`;
  return [
    `Usage: sla-catalog ${tool.name} ${tool.flags.map((f) => (f.mandatory ? `-${f.flag} <arg>` : `[-${f.flag} <arg>]`)).join(" ")}`,
    "",
    tool.summary,
    "",
    "Flags:",
    ...tool.flags.map((f) => line(f.flag, `${f.help} → ${f.field}`, f.mandatory, f.default)),
    "",
    "Global flags:",
    ...GLOBAL_FLAGS.map((g) => line(g.flag, g.help, false, "default" in g ? g.default : undefined)),
  ].join("\n");
}
