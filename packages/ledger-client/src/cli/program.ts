/**
 * `almanach` on core's CLI kit: the reference's commands, global flags and environment variables, tables
 * in cliff's style, `--format table|json|csv|value`, and the kit's exit codes (core's README, "CLI kit").
 */
import { createRequire } from "node:module";
import { type CliProgram, type OptionSpec, withCliffOutput } from "@meterkit/core/cli";
import { COMMANDS } from "./commands.js";
import { type Connection, connect } from "./connection.js";

// Two levels below the package root from both src/cli and dist/cli.
const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

const global = (name: string, env: string, help: string, valueName = "VALUE"): OptionSpec => ({
  name,
  env,
  help,
  valueName,
});

/** Connection settings every command takes; each falls back on its environment variable. */
const GLOBALS: readonly OptionSpec[] = [
  global("os-auth-url", "OS_AUTH_URL", "Keystone URL (v3 endpoint)", "URL"),
  global("os-region-name", "OS_REGION_NAME", "OpenStack region name", "REGION"),
  global("os-username", "OS_USERNAME", "OpenStack username", "NAME"),
  global("os-password", "OS_PASSWORD", "OpenStack password", "PASSWORD"),
  global("os-domain-name", "OS_DOMAIN_NAME", "Domain the token is scoped to (default: default)", "NAME"),
  global("os-user-domain-id", "OS_USER_DOMAIN_ID", "Domain id of the user (default: default)", "ID"),
  global("almanach-service", "ALMANACH_SERVICE", "Almanach service id in Keystone (default: almanach)", "ID"),
  global(
    "almanach-service-type",
    "ALMANACH_SERVICE_TYPE",
    "Find Almanach by service type in the catalog instead",
    "TYPE",
  ),
  global(
    "almanach-token",
    "ALMANACH_TOKEN",
    "Almanach API token; if empty a token is fetched from Keystone",
    "TOKEN",
  ),
  global(
    "almanach-url",
    "ALMANACH_URL",
    "Almanach API base URL; if empty it is looked up in Keystone",
    "URL",
  ),
];

/** The `almanach` program, with cliff's formatter options as python-almanachclient (a cliff app) has them. @public */
export const program: CliProgram<Connection> = withCliffOutput({
  name: "almanach",
  version,
  summary: "OpenStack Almanach, the resource lifecycle ledger, from the command line.",
  commands: COMMANDS,
  globals: GLOBALS,
  setup: connect,
  epilogue: "Dates are ISO 8601 (2017-01-01, 2017-01-01T10:00:00+02:00); without an offset they are UTC.",
});
