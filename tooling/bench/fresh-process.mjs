/**
 * A "cold" figure is a first pass in a fresh process: the bench runs its own file again with a flag, and the
 * child prints its result as the last line of JSON. One helper for every bench that reports cold figures.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Run `script` (a file URL, usually `import.meta.url`) in a fresh Node process with `args`, and return the
 * value of the last line it printed, parsed as JSON. Throws with the child's stderr when it fails.
 */
export function freshPass(script, ...args) {
  const child = spawnSync(process.execPath, [fileURLToPath(script), ...args], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`fresh pass ${args.join(" ")} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1));
}
