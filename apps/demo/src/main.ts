/**
 * `pnpm demo`: the whole meterkit flow, end to end. Exit status 0 when every step succeeded, 1 when one
 * failed, 2 on bad options; whatever was started is stopped on every path (Ctrl-C included).
 */
import { ensureServices } from "@meterkit/services";
import { HELP } from "./cli/help.js";
import { parseOptions, UsageError } from "./cli/options.js";
import { terminalSummary } from "./report/terminal.js";
import { runDemo } from "./run.js";
import { Cleanup } from "./services/cleanup.js";

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
}

async function main(argv: readonly string[]): Promise<number> {
  // A closed pipe (`pnpm demo | head`) must not crash the demo before it has cleaned up.
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`meterkit demo: ${error.message}\nRun with --help for the options.\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const cleanup = new Cleanup();
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\nmeterkit demo: ${signal}, stopping what was started…\n`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    process.stdout.write(`meterkit demo: the whole flow, end to end\n\n`);
    const result = await runDemo(
      options,
      {
        stdout: process.stdout,
        env: process.env,
        now: () => new Date(),
        ensure: (names) => ensureServices(names),
      },
      cleanup,
    );
    process.stdout.write(`\n${terminalSummary(result.report)}\n\n`);
    process.stdout.write(`HTML report: ${result.htmlPath}\nJSON report: ${result.jsonPath}\n`);
    if (options.keepRunning) {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.stdout.write("Services kept running for inspection (--keep-running); Ctrl-C stops them.\n");
      await waitForSignal();
    }
    return 0;
  } catch (error) {
    process.stderr.write(
      `\nmeterkit demo failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    if (!stopping) {
      const failures = await cleanup.run();
      for (const f of failures) process.stderr.write(`meterkit demo: cleanup: ${f}\n`);
    }
  }
}

process.exitCode = await main(process.argv.slice(2));
