// The start of a meterkit CLI: bundle-cli.mjs copies this file to dist/cli/start.js beside the bundle,
// dist/cli/main.bundle.cjs, and the package's bin.js imports it. It runs the bundle as a script compiled with a
// V8 code cache, as v8-compile-cache does: Node 20 has no module.enableCompileCache, and only a classic script
// (vm.Script) takes cachedData on every Node version (an ES module would need --experimental-vm-modules).
// Without a cache every run parses the whole bundle and compiles each function it calls; with one they are
// read back (≈ 25–30 ms of a 150 ms run, packages/core/bench/README.md).
//
// The cache lives in the user's cache directory (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%),
// one file per bundle (its hash, written in below at build time), Node version and architecture (an earlier
// build's files are removed when a new one is written); V8 itself rejects data from another V8 or other flags. It is written once, at exit, after the first run (so it holds the functions that run
// compiled, not only the top level), by a rename, so a concurrent run never reads half a file. Whatever fails
// (no home, a read-only disk, rejected data) only means a run without a cache, silently. NODE_DISABLE_COMPILE_CACHE=1
// (Node's own switch for its compile cache) turns it off.
//
// Built-ins come from process.getBuiltinModule (Node ≥ 20.16), not `import`: an ES import of node:fs builds
// its module facade, which loads fs streams a CLI may never need.
const { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } =
  process.getBuiltinModule("node:fs");
const { createRequire } = process.getBuiltinModule("node:module");
const { dirname, join } = process.getBuiltinModule("node:path");
const { fileURLToPath } = process.getBuiltinModule("node:url");
const { Script } = process.getBuiltinModule("node:vm");

// The same flag as runMain's (packages/core/src/cli/run.ts), set before the bundle is compiled: V8 stamps a
// code cache with a hash of its flags, so data written after runMain changed them would never be accepted.
process.getBuiltinModule("node:v8").setFlagsFromString("--wasm-tiering-budget=100000000");

// The package's name (without its scope) and the first 16 hex digits of the bundle's SHA-256, as
// "ledger-client-0123456789abcdef": bundle-cli.mjs writes them in when it copies this file.
const BUNDLE = "BUNDLE_ID";
const file = fileURLToPath(new URL("main.bundle.cjs", import.meta.url));
const dir = dirname(file);
const source = readFileSync(file, "utf8");
const cacheFile = cachePath();
let cachedData;
if (cacheFile !== undefined) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
}
// The CommonJS wrapper on the source's first line, so line numbers in stack traces stay the bundle's.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: file,
  cachedData,
});
if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
  process.once("exit", () => writeCache(cacheFile, script));
}
const module = { exports: {} };
script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dir);

/** The cache file of this bundle, or undefined when there is no per-user cache directory or it is turned off. */
function cachePath() {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE === "1") return undefined;
  const home = env.HOME || env.USERPROFILE;
  const root =
    env.XDG_CACHE_HOME ||
    (process.platform === "win32"
      ? env.LOCALAPPDATA
      : home && `${home}${process.platform === "darwin" ? "/Library/Caches" : "/.cache"}`);
  if (!root) return undefined;
  return join(root, "meterkit", "v8-cache", `${BUNDLE}-${process.version}-${process.arch}.bin`);
}

function writeCache(path, compiled) {
  try {
    const data = compiled.createCachedData();
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    const fd = openSync(temporary, "w", 0o600);
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    // The caches of this CLI's earlier builds (an upgrade, a rebuild) are never read again.
    const name = BUNDLE.slice(0, BUNDLE.lastIndexOf("-") + 1);
    for (const entry of readdirSync(dirname(path))) {
      if (entry.startsWith(name) && !entry.startsWith(BUNDLE))
        rmSync(join(dirname(path), entry), { force: true });
    }
  } catch {
    // a run without a cache next time too; never an error of the command
  }
}
