import { execFileSync } from "node:child_process";

/** Run a Python 3 snippet with Debian's interpreter: it reads JSON on stdin and prints JSON. */
export function runPython<T>(script: string, input: unknown, args: readonly string[] = []): T {
  const out = execFileSync("/usr/bin/python3", ["-c", script, ...args], {
    input: JSON.stringify(input),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString("utf8")) as T;
}

/** A small seeded PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
