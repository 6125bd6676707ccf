/** Runs the built demo in a child process, as `pnpm demo` does, and collects what it prints. */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The demo's entry point, built by the global setup. */
export const DEMO_MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/** A running demo. */
export interface DemoProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout contains `text`; rejects when the process exits first. */
  waitFor(text: string): Promise<void>;
  /** Resolves with the exit code (a signal counts as a failure: null). */
  exited: Promise<number | null>;
}

/** Settings a newcomer's shell does not have: without them the demo finds (or starts) its services itself. */
const SERVICE_SETTINGS = /^(MK_DEMO_|MK_CLOUDKITTY_|MK_KEYSTONE_|OS_)/;

/** Starts `node dist/main.js ...args` with the test's environment minus service settings, plus `env`. */
export function startDemo(args: readonly string[], env: NodeJS.ProcessEnv = {}): DemoProcess {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SERVICE_SETTINGS.test(k)));
  const child = spawn(process.execPath, [DEMO_MAIN, ...args], {
    env: { ...clean, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    for (const w of waiters.splice(0))
      if (out.includes(w.text)) w.resolve();
      else waiters.push(w);
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        if (out.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void exited.then((code) =>
          reject(new Error(`demo exited (${code}) before printing ${JSON.stringify(text)}\n${out}\n${err}`)),
        );
      }),
  };
}

/** The path printed after `label` (e.g. "JSON report: /tmp/…/report.json"). */
export function printedPath(stdout: string, label: string): string {
  const line = stdout.split("\n").find((l) => l.startsWith(`${label}: `));
  if (!line) throw new Error(`the demo printed no "${label}:" line:\n${stdout}`);
  return line.slice(label.length + 2).trim();
}

/** Stops a demo still running (a failed or timed-out test): SIGTERM so that it cleans up, SIGKILL after 30 s. */
export async function stopDemo(demo: DemoProcess | undefined): Promise<void> {
  if (!demo || demo.child.exitCode !== null || demo.child.signalCode !== null) return;
  demo.child.kill("SIGTERM");
  const timer = setTimeout(() => demo.child.kill("SIGKILL"), 30_000);
  await demo.exited;
  clearTimeout(timer);
}
