/**
 * `sla-catalog-server`: run the catalog service (the default command) or apply its migrations, configured
 * by flags or the usual environment variables (`PORT`, `HOST`, `DATABASE_URL`, `SLA_CATALOG_DATA_DIR`).
 */
import { createRequire } from "node:module";
import type { CliProgram, CommandContext, OptionSpec } from "@meterkit/core/cli";
import { UsageError } from "@meterkit/core/cli";
import { openDatabase } from "../db/database.js";
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
      ],
      async run({ globals, options, io }) {
        const log = jsonLines(io);
        const server = await startSlaCatalog({
          ...storage(globals),
          port: port((options.port as string | undefined) ?? io.env.PORT),
          host: (options.host as string | undefined) ?? io.env.HOST ?? "127.0.0.1",
          log,
        });
        log({
          time: new Date().toISOString(),
          level: "info",
          msg: "listening",
          url: server.url,
          engine: server.engine,
        });
        const signal = await new Promise<string>((resolve) => {
          process.once("SIGINT", () => resolve("SIGINT"));
          process.once("SIGTERM", () => resolve("SIGTERM"));
        });
        log({ time: new Date().toISOString(), level: "info", msg: "stopping", signal });
        await server.close();
        return { json: { stopped: signal }, text: "" };
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
