/**
 * `almanach`: the reference's commands, flags and environment variables. Unlike the reference, results go
 * to stdout with exit status 0; errors are one line on stderr with status 1 (2 for command-line mistakes).
 */
import { parseArgs } from "node:util";
import { findEndpoint, type HttpClientOptions, isSdkError } from "@meterkit/core";
import { AlmanachClient } from "../client.js";
import { AlmanachHttpError } from "../errors.js";
import { AlmanachKeystoneClient } from "../keystone.js";
import { COMMANDS, type Command, type CommandOutput, UsageError } from "./commands.js";
import { commandHelp, GLOBALS, mainHelp } from "./help.js";

/** Where the CLI reads its settings and writes its output; `dispatcher` is for tests. @public */
export interface CliIo {
  /** Environment variables the settings are read from (flags win), usually `process.env`. */
  env: Readonly<Record<string, string | undefined>>;
  /** Receives results and help text, newline included. */
  stdout: (text: string) => void;
  /** Receives error messages, one line each, newline included. */
  stderr: (text: string) => void;
  /** Undici dispatcher for every request the command makes (tests point it at a local server). */
  dispatcher?: HttpClientOptions["dispatcher"];
}

const OPTIONS = {
  ...Object.fromEntries(GLOBALS.map((g) => [g.flag, { type: "string" as const }])),
  format: { type: "string" as const },
  help: { type: "boolean" as const, short: "h" },
  end: { type: "string" as const },
  start: { type: "string" as const },
  date: { type: "string" as const },
  name: { type: "string" as const },
  flavor: { type: "string" as const },
  "image-meta": { type: "string" as const },
  attachment: { type: "string" as const, multiple: true },
};
const GLOBAL_FLAGS = new Set(["format", "help", ...GLOBALS.map((g) => g.flag)]);

/** Run `almanach` with these arguments (without the program name); resolves to the exit status. @public */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command | "endpoint" | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    let [name, ...rest] = positionals;
    // The reference registered the two-word `update instance`; `update-instance` is what it documented.
    if (name === "update" && rest[0] === "instance") [name, ...rest] = ["update-instance", ...rest.slice(1)];
    if (name === undefined || name === "help") {
      const target = rest[0] && COMMANDS.find((c) => c.name === rest[0]);
      io.stdout(target ? commandHelp(target) : mainHelp());
      return name === undefined && !values.help ? 2 : 0;
    }
    command = name === "endpoint" ? "endpoint" : COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command '${name}'`);
    if (values.help) {
      io.stdout(
        command === "endpoint"
          ? "usage: almanach endpoint\n\nShow the Almanach API URL.\n"
          : commandHelp(command),
      );
      return 0;
    }
    const format = values.format ?? "table";
    if (format !== "table" && format !== "json") throw new UsageError("--format must be table or json");
    const spec = command === "endpoint" ? { name: "endpoint", positionals: [], options: [] } : command;
    const args = commandArgs(spec, rest, values);
    const settings = resolveSettings(values, io.env, io.dispatcher);
    const output =
      command === "endpoint" ? await endpoint(settings) : await command.run(client(settings, io), args);
    io.stdout(format === "json" ? `${JSON.stringify(output.json, null, 2)}\n` : output.text);
    return 0;
  } catch (error) {
    return report(error, io, command);
  }
}

type Values = Record<string, string | boolean | string[] | undefined>;

function commandArgs(
  spec: { name: string; positionals: readonly string[]; options: readonly string[] },
  rest: string[],
  values: Values,
) {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && !GLOBAL_FLAGS.has(key) && !spec.options.includes(key)) {
      throw new UsageError(`${spec.name} does not take --${key}`);
    }
  }
  if (rest.length < spec.positionals.length) {
    throw new UsageError(`${spec.name} needs ${spec.positionals.slice(rest.length).join(", ")}`);
  }
  if (rest.length > spec.positionals.length)
    throw new UsageError(`unrecognized arguments: ${rest.slice(spec.positionals.length).join(" ")}`);
  const positionals = Object.fromEntries(spec.positionals.map((p, i) => [p, rest[i] ?? ""]));
  return { positionals, options: values as Record<string, string | string[] | undefined> };
}

interface Settings {
  url: string | undefined;
  token: string | undefined;
  serviceType: string | undefined;
  region: string | undefined;
  keystone: AlmanachKeystoneClient | undefined;
}

function resolveSettings(values: Values, env: CliIo["env"], dispatcher: CliIo["dispatcher"]): Settings {
  const get = (flag: string, variable: string): string | undefined => {
    const v = values[flag];
    return (typeof v === "string" && v !== "" ? v : undefined) ?? (env[variable] || undefined);
  };
  const url = get("almanach-url", "ALMANACH_URL");
  const token = get("almanach-token", "ALMANACH_TOKEN");
  const region = get("os-region-name", "OS_REGION_NAME");
  const serviceType = get("almanach-service-type", "ALMANACH_SERVICE_TYPE");
  let keystone: AlmanachKeystoneClient | undefined;
  if (!url || !token) {
    const authUrl = get("os-auth-url", "OS_AUTH_URL");
    const username = get("os-username", "OS_USERNAME");
    const password = get("os-password", "OS_PASSWORD");
    const missing = [
      !authUrl && "OS_AUTH_URL",
      !username && "OS_USERNAME",
      !password && "OS_PASSWORD",
    ].filter(Boolean);
    if (missing.length) {
      throw new UsageError(
        `set ALMANACH_URL and ALMANACH_TOKEN, or Keystone credentials (missing: ${missing.join(", ")})`,
      );
    }
    const service = get("almanach-service", "ALMANACH_SERVICE") ?? "almanach";
    keystone = new AlmanachKeystoneClient({
      authUrl: authUrl!,
      username: username!,
      password: password!,
      service,
      regionName: region,
      domainName: get("os-domain-name", "OS_DOMAIN_NAME"),
      userDomainId: get("os-user-domain-id", "OS_USER_DOMAIN_ID"),
      dispatcher,
    });
  }
  return { url, token, serviceType, region, keystone };
}

// The reference looks Almanach up by service id and the admin interface; ALMANACH_SERVICE_TYPE (ours)
// looks it up by type in the token's catalog instead.
function baseUrl(s: Settings) {
  if (s.url) return s.url;
  const keystone = s.keystone!;
  if (!s.serviceType) return keystone.endpoint("admin");
  const type = s.serviceType;
  return async () =>
    findEndpoint((await keystone.auth.token()).catalog, {
      type,
      interface: "admin",
      ...(s.region ? { region: s.region } : {}),
    });
}

function client(s: Settings, io: CliIo): AlmanachClient {
  return new AlmanachClient({
    url: baseUrl(s),
    token: s.token,
    keystone: s.keystone?.auth,
    dispatcher: io.dispatcher,
  });
}

async function endpoint(s: Settings): Promise<CommandOutput> {
  const url = baseUrl(s);
  const resolved = typeof url === "function" ? String(await url({})) : String(url);
  return { text: `${resolved}\n`, json: { url: resolved } };
}

function report(error: unknown, io: CliIo, command: Command | "endpoint" | undefined): number {
  if (
    error instanceof UsageError ||
    (error as { code?: string } | null)?.code?.startsWith("ERR_PARSE_ARGS")
  ) {
    const where = command && command !== "endpoint" ? ` ${command.name}` : "";
    io.stderr(`almanach: ${(error as Error).message} (see 'almanach${where} --help')\n`);
    return 2;
  }
  if (error instanceof AlmanachHttpError) io.stderr(`${error.summary}\n`);
  else if (isSdkError(error)) io.stderr(`${error.message}\n`);
  else io.stderr(`almanach: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
