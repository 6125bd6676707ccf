/**
 * `sla-catalog-server`: run the catalog service (the default command) or apply its migrations, configured
 * by flags or the usual environment variables (`PORT`, `HOST`, `DATABASE_URL`, `SLA_CATALOG_DATA_DIR`).
 */
import { createRequire } from "node:module";
import type { CliProgram, CommandContext, OptionSpec } from "@meterkit/core/cli";
import { UsageError } from "@meterkit/core/cli";
import { issueToken, listTokens, type Role, revokeToken } from "../auth/tokens.js";
import { type Database, openDatabase } from "../db/database.js";
import { migrate } from "../db/migrations.js";
import { type LogEntry, startSlaCatalog } from "../server.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

const WHERE: readonly OptionSpec[] = [
  {
    name: "database-url",
    env: "DATABASE_URL",
    valueName: "URL",
    help: "PostgreSQL connection URL; without it the data lives in an embedded database in --data-dir",
  },
  {
    name: "data-dir",
    env: "SLA_CATALOG_DATA_DIR",
    valueName: "DIR",
    help: "Directory of the embedded database (PGlite)",
    defaultText: "./sla-catalog-data",
  },
];

function storage(globals: CommandContext["globals"]) {
  const databaseUrl = globals["database-url"] as string | undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError("--database-url must be a postgres:// or postgresql:// URL");
  }
  const dataDir = (globals["data-dir"] as string | undefined) ?? "./sla-catalog-data";
  return databaseUrl ? { databaseUrl } : { dataDir };
}

function port(text: string | undefined): number {
  if (text === undefined) return 8080;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535)
    throw new UsageError(`--port must be 0–65535, got '${text}'`);
  return Number(text);
}

/** Opens the database with the schema up to date, runs `fn`, closes it. */
async function withDatabase<T>(
  globals: CommandContext["globals"],
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(storage(globals));
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const ROLES: readonly Role[] = ["admin", "provider", "reader"];

/** One JSON object per line on stdout: what log collectors read. */
function jsonLines(io: CommandContext["io"]): (entry: LogEntry) => void {
  return (entry) => io.stdout(`${JSON.stringify(entry)}\n`);
}

/** The `sla-catalog-server` program. @public */
export const program: CliProgram = {
  name: "sla-catalog-server",
  version,
  summary: "The SLA catalog service behind the SLA@SOI provider tools (sla-catalog).",
  globals: WHERE,
  defaultCommand: "serve",
  epilogue: "Without a command, serve. Stop with Ctrl-C or SIGTERM: in-flight requests finish first.",
  commands: [
    {
      name: "serve",
      summary: "Run the service (migrations are applied at start)",
      options: [
        { name: "port", env: "PORT", valueName: "PORT", help: "TCP port", defaultText: "8080" },
        {
          name: "host",
          env: "HOST",
          valueName: "HOST",
          help: "Address to listen on",
          defaultText: "127.0.0.1",
        },
        {
          name: "anonymous-read",
          type: "boolean",
          help: "Let requests without a token read the catalog (writes always need one)",
        },
      ],
      async run({ globals, options, io }) {
        const log = jsonLines(io);
        const server = await startSlaCatalog({
          ...storage(globals),
          port: port((options.port as string | undefined) ?? io.env.PORT),
          host: (options.host as string | undefined) ?? io.env.HOST ?? "127.0.0.1",
          anonymousRead: options["anonymous-read"] === true,
          log,
        });
        const now = () => new Date().toISOString();
        log({ time: now(), level: "info", msg: "listening", url: server.url, engine: server.engine });
        if (!(await server.hasTokens())) {
          log({
            time: now(),
            level: "warn",
            msg: "no API token yet, so nothing can be written: `sla-catalog-server token create --role admin`",
          });
        }
        const signal = await new Promise<string>((resolve) => {
          process.once("SIGINT", () => resolve("SIGINT"));
          process.once("SIGTERM", () => resolve("SIGTERM"));
        });
        log({ time: now(), level: "info", msg: "stopping", signal });
        await server.close();
        return { json: { stopped: signal }, text: "" };
      },
    },
    {
      name: "token create",
      summary: "Create an API token; it is printed once, only its hash is kept",
      options: [
        { name: "role", valueName: "admin|provider|reader", help: "What the token may do" },
        { name: "party", valueName: "ID", help: "The party a provider token writes for (provider only)" },
        { name: "name", valueName: "TEXT", help: "What the token is for", defaultText: "the role" },
      ],
      async run({ globals, options }) {
        const role = options.role as string | undefined;
        if (!role || !ROLES.includes(role as Role))
          throw new UsageError("--role must be admin, provider or reader");
        const partyText = options.party as string | undefined;
        if (role === "provider" && partyText === undefined)
          throw new UsageError("a provider token needs --party");
        if (role !== "provider" && partyText !== undefined)
          throw new UsageError("--party is for provider tokens");
        if (partyText !== undefined && !/^\d{1,9}$/.test(partyText))
          throw new UsageError("--party must be a party id");
        const partyId = partyText === undefined ? undefined : Number(partyText);
        const name = (options.name as string | undefined) ?? role;
        const issued = await withDatabase(globals, async (db) => {
          if (
            partyId !== undefined &&
            (await db.query("select 1 from parties where id = $1", [partyId])).length === 0
          ) {
            throw new UsageError(`party ${partyId} does not exist (register it first: sla-catalog AddParty)`);
          }
          return db.transaction((tx) => issueToken(tx, { name, role: role as Role, partyId }));
        });
        return { json: { token: issued.token, ...issued.info }, text: issued.token };
      },
    },
    {
      name: "token list",
      summary: "List the API tokens (ids, roles, parties; never the secrets)",
      async run({ globals }) {
        const tokens = await withDatabase(globals, listTokens);
        return {
          json: tokens,
          table: {
            columns: ["ID", "Name", "Role", "Party", "Created", "Revoked"],
            rows: tokens.map((t) => [t.id, t.name, t.role, t.partyId ?? "", t.createdAt, t.revokedAt ?? ""]),
          },
        };
      },
    },
    {
      name: "token revoke",
      summary: "Revoke an API token by its id (the 12 hex digits after slac_)",
      positionals: [{ name: "ID", help: "The token's id, as token list shows it" }],
      async run({ globals, positionals }) {
        const id = String(positionals.ID);
        const done = await withDatabase(globals, (db) => db.transaction((tx) => revokeToken(tx, id)));
        if (!done) throw new UsageError(`no token with id ${id}`);
        return { json: { revoked: id }, text: `revoked ${id}` };
      },
    },
    {
      name: "migrate",
      summary: "Apply the schema migrations not applied yet, then exit",
      async run({ globals }) {
        const db = await openDatabase(storage(globals));
        try {
          const applied = await migrate(db);
          return {
            json: { applied },
            text: applied.length ? `applied migrations ${applied.join(", ")}` : "the schema is up to date",
          };
        } finally {
          await db.close();
        }
      },
    },
  ],
};
