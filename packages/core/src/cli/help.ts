/** `--help` texts, the same layout in every meterkit CLI. */
import { columnOption, formatOption } from "./formats.js";
import type { CliProgram, CommandSpec, OptionSpec } from "./program.js";

const EXIT_LINE =
  "Exit codes: 0 ok, 1 unexpected, 2 usage, 3 invalid input, 4 not found, 5 conflict, 6 unavailable, 7 auth.";

function dash(program: CliProgram<unknown>): string {
  return program.dashes === "single" ? "-" : "--";
}

function optionLabel(program: CliProgram<unknown>, o: OptionSpec): string {
  const names = [`${dash(program)}${o.name}`, ...(o.short ? [`-${o.short}`] : [])].join(", ");
  return o.type === "boolean" ? names : `${names} ${o.valueName ?? "VALUE"}`;
}

function optionLines(
  program: CliProgram<unknown>,
  options: readonly OptionSpec[],
  more: readonly (readonly [string, string])[] = [],
): string[] {
  // A kit option a program also declares as a global is listed once, as the program declares it.
  const shownOptions = options.filter(
    (o, i) => !o.hidden && options.findIndex((p) => p.name === o.name) === i,
  );
  const rows: (readonly [string, string])[] = shownOptions.map((o) => {
    const extra = [o.env ? `env ${o.env}` : "", o.defaultText ? `default: ${o.defaultText}` : ""]
      .filter(Boolean)
      .join("; ");
    return [optionLabel(program, o), `${o.help}${extra ? ` (${extra})` : ""}`];
  });
  rows.push(...more);
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, help]) => `  ${label.padEnd(width)}  ${help}`);
}

/** `prog --help`. @internal */
export function programHelp(program: CliProgram<unknown>): string {
  const width = Math.max(...program.commands.map((c) => c.name.length));
  const globals = [
    ...(program.globals ?? []),
    formatOption(program.formatShort),
    columnOption(program.formatShort),
  ];
  return [
    `usage: ${program.name} <command> [arguments] [options]`,
    "",
    program.summary,
    "",
    "Commands:",
    ...program.commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Global options:",
    ...optionLines(program, globals, [
      ["-h, --help", `Show help (also: ${program.name} <command> --help)`],
      ["--version", "Show the version"],
    ]),
    "",
    ...(program.epilogue ? [program.epilogue, ""] : []),
    EXIT_LINE,
    "",
  ].join("\n");
}

/** `prog <command> --help`. @internal */
export function commandHelp(program: CliProgram<unknown>, command: CommandSpec<unknown>): string {
  const positionals = (command.positionals ?? []).map((p) => {
    const name = p.variadic ? `${p.name}...` : p.name;
    return p.optional ? `[${name}]` : name;
  });
  const options = command.options ?? [];
  const lines = [
    `usage: ${program.name} ${command.name}${positionals.length ? ` ${positionals.join(" ")}` : ""}${options.length ? " [options]" : ""}`,
    "",
    command.summary,
  ];
  if (command.description) lines.push("", command.description);
  if (command.aliases?.length) lines.push("", `Also: ${command.aliases.join(", ")}`);
  const described = (command.positionals ?? []).filter((p) => p.help);
  if (described.length) {
    const width = Math.max(...described.map((p) => p.name.length));
    lines.push("", "Arguments:", ...described.map((p) => `  ${p.name.padEnd(width)}  ${p.help}`));
  }
  if (options.length) lines.push("", "Options:", ...optionLines(program, options));
  const globals = [
    ...(program.globals ?? []),
    formatOption(program.formatShort),
    columnOption(program.formatShort),
  ];
  lines.push("", "Global options:", ...optionLines(program, globals), "", EXIT_LINE, "");
  return lines.join("\n");
}
