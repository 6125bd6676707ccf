import { execFileSync } from "node:child_process";

/** Run a Python 3 snippet with Debian's interpreter: it reads JSON on stdin and prints JSON. */
export function runPython<T>(script: string, input: unknown, args: readonly string[] = []): T {
  const out = execFileSync("/usr/bin/python3", ["-c", script, ...args], {
    input: JSON.stringify(input),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString("utf8")) as T;
}
