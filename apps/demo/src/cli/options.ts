/** Command-line flags and environment variables → the demo's options. */
import { parseArgs } from "node:util";

/** Keystone v3 password credentials (for CloudKitty, and for Almanach without a token). */
export interface KeystoneSettings {
  authUrl: string;
  username: string;
  password: string;
  projectName: string;
  domain: string;
  region?: string;
}

/** Everything the demo can be told. */
export interface DemoOptions {
  help: boolean;
  month: string | undefined;
  outDir: string | undefined;
  keepRunning: boolean;
  plain: boolean;
  noCloudKitty: boolean;
  almanach: { url: string; token: string | undefined } | undefined;
  cloudkittyUrl: string | undefined;
  keystone: KeystoneSettings | undefined;
  waldur: { url: string; token: string } | undefined;
  slaCatalog: { url: string; token: string | undefined } | undefined;
  /** Without `slaCatalog`: the admin token the local catalog accepts (default: a random one for this run). */
  localCatalogToken: string | undefined;
}

/** A usage error: printed with a hint to `--help`, exit status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

const FLAGS = {
  help: { type: "boolean", short: "h" },
  month: { type: "string" },
  out: { type: "string" },
  "keep-running": { type: "boolean" },
  plain: { type: "boolean" },
  "no-cloudkitty": { type: "boolean" },
  "almanach-url": { type: "string" },
  "almanach-token": { type: "string" },
  "cloudkitty-url": { type: "string" },
  "keystone-url": { type: "string" },
  "keystone-user": { type: "string" },
  "keystone-password": { type: "string" },
  "keystone-project": { type: "string" },
  "keystone-domain": { type: "string" },
  "keystone-region": { type: "string" },
  "waldur-url": { type: "string" },
  "waldur-token": { type: "string" },
  "sla-catalog-url": { type: "string" },
  "sla-catalog-token": { type: "string" },
} as const;

function httpUrl(flag: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--${flag} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`--${flag} must be an http(s) URL, got ${url.protocol}`);
  return value;
}

/** Parses `argv` (without node and the script) with `env` as the fallback for every service setting. */
export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): DemoOptions {
  let values: ReturnType<typeof parseArgs<{ options: typeof FLAGS; args: string[] }>>["values"];
  try {
    // `pnpm demo -- --flag` hands the script the `--` too.
    const args = argv[0] === "--" ? argv.slice(1) : [...argv];
    ({ values } = parseArgs({ args, options: FLAGS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const pick = (flag: keyof typeof FLAGS, ...names: string[]) => {
    const given = values[flag];
    if (typeof given === "string" && given !== "") return given;
    for (const name of names) if (env[name]) return env[name];
    return undefined;
  };
  const month = pick("month", "MK_DEMO_MONTH");
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new UsageError(`--month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const authUrl = httpUrl("keystone-url", pick("keystone-url", "OS_AUTH_URL"));
  const username = pick("keystone-user", "OS_USERNAME");
  const password = pick("keystone-password", "OS_PASSWORD");
  if (authUrl && (!username || !password))
    throw new UsageError(
      "--keystone-url needs --keystone-user and --keystone-password (or OS_USERNAME, OS_PASSWORD)",
    );
  const region = pick("keystone-region", "OS_REGION_NAME");
  const keystone =
    authUrl && username && password
      ? {
          authUrl,
          username,
          password,
          projectName: pick("keystone-project", "OS_PROJECT_NAME") ?? "admin",
          domain: pick("keystone-domain", "OS_USER_DOMAIN_NAME") ?? "Default",
          ...(region ? { region } : {}),
        }
      : undefined;
  const almanachUrl = httpUrl("almanach-url", pick("almanach-url", "MK_DEMO_ALMANACH_URL"));
  const waldurUrl = httpUrl("waldur-url", pick("waldur-url", "MK_DEMO_WALDUR_URL"));
  const waldurToken = pick("waldur-token", "MK_DEMO_WALDUR_TOKEN");
  if (waldurUrl && !waldurToken)
    throw new UsageError("--waldur-url needs --waldur-token (or MK_DEMO_WALDUR_TOKEN)");
  const slaUrl = httpUrl("sla-catalog-url", pick("sla-catalog-url", "MK_DEMO_SLA_CATALOG_URL"));
  return {
    help: values.help === true,
    month,
    outDir: pick("out", "MK_DEMO_OUT"),
    keepRunning: values["keep-running"] === true,
    plain: values.plain === true,
    noCloudKitty: values["no-cloudkitty"] === true,
    almanach: almanachUrl
      ? { url: almanachUrl, token: pick("almanach-token", "MK_DEMO_ALMANACH_TOKEN") }
      : undefined,
    cloudkittyUrl: httpUrl("cloudkitty-url", pick("cloudkitty-url", "MK_DEMO_CLOUDKITTY_URL")),
    keystone,
    waldur: waldurUrl && waldurToken ? { url: waldurUrl, token: waldurToken } : undefined,
    slaCatalog: slaUrl
      ? { url: slaUrl, token: pick("sla-catalog-token", "MK_DEMO_SLA_CATALOG_TOKEN") }
      : undefined,
    localCatalogToken: slaUrl ? undefined : pick("sla-catalog-token", "MK_DEMO_SLA_CATALOG_TOKEN"),
  };
}
