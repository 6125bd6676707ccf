// What importing a module loads, measured rather than read off the source: a fresh Node process imports
// `entry` with a module resolve hook that writes down every URL it resolves. Packages' tests use it to hold a
// cheap entry point cheap (e.g. connector-model's main entry never loads zod).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

// Runs in the loader's thread: appends each resolved URL to the file it is given.
const HOOKS = `
import { appendFileSync } from "node:fs";
let out;
export function initialize(data) { out = data.out; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(out, result.url + "\\n");
  return result;
}`;

/**
 * The URLs a fresh `node` resolves while importing `entry` (a file path), in order, `node:` built-ins left
 * out. CommonJS `require()`s inside a CommonJS package are not seen on Node 20, only its entry.
 */
export function urlsLoadedBy(entry) {
  const dir = mkdtempSync(join(tmpdir(), "mk-entry-"));
  const out = join(dir, "urls.txt");
  try {
    const register = `import { register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)}, { data: { out: ${JSON.stringify(out)} } });`;
    runModule(entry, `await import(${JSON.stringify(pathToFileURL(entry).href)});`, [
      "--import",
      `data:text/javascript,${encodeURIComponent(register)}`,
    ]);
    return readFileSync(out, "utf8")
      .split("\n")
      .filter((url) => url !== "" && !url.startsWith("node:"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The npm packages among `urls` (`zod`, `@date-fns/tz`), each once, by their node_modules path. */
export function packagesOf(urls) {
  const names = new Set();
  for (const url of urls) {
    // The last node_modules/ of the path: pnpm's store is node_modules/.pnpm/<name>@<v>/node_modules/<name>/.
    const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match) names.add(match[1]);
  }
  return [...names];
}

/**
 * How many zod schemas a fresh `node` builds while importing `entry` (a file path), then running
 * `afterImport` (JavaScript with the module as `mod`, optional). zod itself is imported first, with the zod
 * the entry resolves, and not counted. Counted: every schema's internals as zod installs them (one
 * `Object.defineProperty(schema, "_zod", …)` per schema built).
 */
export function zodSchemasBuiltBy(entry, afterImport = "") {
  const require = createRequire(entry);
  const zodDir = dirname(require.resolve("zod/package.json"));
  const zodEntry = join(
    zodDir,
    JSON.parse(readFileSync(join(zodDir, "package.json"), "utf8")).exports["."].import,
  );
  const script = `
await import(${JSON.stringify(pathToFileURL(zodEntry).href)});
const define = Object.defineProperty;
let built = 0;
Object.defineProperty = function (object, key, descriptor) {
  if (key === "_zod") built++;
  return define.call(this, object, key, descriptor);
};
const mod = await import(${JSON.stringify(pathToFileURL(entry).href)});
${afterImport};
Object.defineProperty = define;
console.log(built);`;
  return Number(runModule(entry, script).trim().split("\n").at(-1));
}

/** Runs `script` as an ES module in a fresh `node` (after `flags`); its stdout, or an error naming `entry`. */
function runModule(entry, script, flags = []) {
  const child = spawnSync(process.execPath, [...flags, "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`importing ${entry} failed: ${child.stderr}`);
  return child.stdout;
}
