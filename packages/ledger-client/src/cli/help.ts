/** `--help` texts. */
import type { Command } from "./commands.js";
import { COMMANDS } from "./commands.js";

/** Global flags, their environment variables and what they mean. @internal */
export const GLOBALS = [
  { flag: "os-auth-url", env: "OS_AUTH_URL", help: "Keystone URL (v3 endpoint)" },
  { flag: "os-region-name", env: "OS_REGION_NAME", help: "OpenStack region name" },
  { flag: "os-username", env: "OS_USERNAME", help: "OpenStack username" },
  { flag: "os-password", env: "OS_PASSWORD", help: "OpenStack password" },
  { flag: "os-domain-name", env: "OS_DOMAIN_NAME", help: "Domain the token is scoped to (default: default)" },
  { flag: "os-user-domain-id", env: "OS_USER_DOMAIN_ID", help: "Domain id of the user (default: default)" },
  {
    flag: "almanach-service",
    env: "ALMANACH_SERVICE",
    help: "Almanach service id in Keystone (default: almanach)",
  },
  {
    flag: "almanach-service-type",
    env: "ALMANACH_SERVICE_TYPE",
    help: "Find Almanach by service type in the catalog instead",
  },
  {
    flag: "almanach-token",
    env: "ALMANACH_TOKEN",
    help: "Almanach API token; if empty a token is fetched from Keystone",
  },
  {
    flag: "almanach-url",
    env: "ALMANACH_URL",
    help: "Almanach API base URL; if empty it is looked up in Keystone",
  },
] as const;

const OPTION_HELP: Record<string, string> = {
  end: "--end <date>",
  start: "--start <date>",
  date: "--date <date>",
  name: "--name <name>",
  flavor: "--flavor <flavor>",
  "image-meta": `--image-meta '{"distro": …, "version": …, "type": …}'`,
  attachment: "--attachment <instance_id> (repeatable)",
};

/** The top-level help. @internal */
export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), "endpoint".length);
  const lines = [
    "usage: almanach [global options] <command> [arguments] [--format table|json]",
    "",
    "Commands:",
    `  ${"endpoint".padEnd(width)}  Show the Almanach API URL`,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Global options (each defaults to its environment variable):",
    ...GLOBALS.map((g) => `  --${g.flag.padEnd(22)} ${g.env.padEnd(22)} ${g.help}`),
    `  --${"format".padEnd(22)} ${"".padEnd(22)} table (default) or json`,
    "",
    "Dates are ISO 8601 (2017-01-01, 2017-01-01T10:00:00+02:00); without an offset they are UTC.",
    "Run 'almanach <command> --help' for a command's arguments.",
    "",
  ];
  return lines.join("\n");
}

/** One command's help. @internal */
export function commandHelp(command: Command): string {
  const args = [
    ...command.positionals.map((p) => `<${p}>`),
    ...command.options.map((o) => `[${OPTION_HELP[o] ?? `--${o}`}]`),
  ];
  return `usage: almanach ${command.name} ${args.join(" ")}\n\n${command.summary}.\n`;
}
