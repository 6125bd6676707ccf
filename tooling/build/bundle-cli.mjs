#!/usr/bin/env node
/**
 * Bundles a CLI package's entry (`dist/cli/main.js`, built by tsc) into one script, `dist/cli/main.bundle.cjs`,
 * and writes its start, `dist/cli/start.js` (`cli/start.mjs` with the bundle's name and hash), which the package's `bin.js` imports. A CLI
 * is a fresh process each time, and on Node 20 (no compile cache) every module costs a file read, a compile
 * and a link. So the bundle holds everything the command runs: the package's code, @meterkit/core, zod and
 * the part of undici core's transport uses (its Agent and request API); only Node's built-ins stay outside.
 * It is a CommonJS script so that the start can compile it with a V8 code cache (`cli/start.mjs` says why).
 * The library entry points (`dist/index.js`) and the tests are untouched, nothing is minified, so stack traces
 * still name the functions.
 *
 * What differs from running the modules, each for start-up time (packages/core/bench/README.md has the figures):
 * - core's version is a constant from its package.json, read here (../package.json is not core's in a bundle;
 *   the build runs after `changeset version`, so it is the released one);
 * - core's global-dispatcher.js is `cli/global-dispatcher.mjs`, which the bundler can follow into undici;
 * - undici's HTTP/2 client (and node:http2, 8 ms) loads when a connection negotiates h2, not with the Agent;
 *   node:http (9 ms) only when a flag may change its maxHeaderSize or a stream body is destroyed; node:assert
 *   (2.5 ms) when an assertion fails;
 * - a built-in the bundle imports is required on its first use (node:crypto alone is 9 ms);
 * - the entry's top-level `await runMain(…)` becomes a call (a script has no top-level await; runMain never
 *   returns, it exits the process).
 * Each rewrite checks that the code it rewrites is there, so a dependency update that moves it fails the build.
 *
 * Usage (from the package's directory, after tsc): node ../../tooling/build/bundle-cli.mjs
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const cwd = process.cwd();
const here = dirname(fileURLToPath(import.meta.url));
const fromPackage = createRequire(join(cwd, "package.json"));
const coreDist = dirname(fromPackage.resolve("@meterkit/core"));
const coreVersion = JSON.parse(readFileSync(join(coreDist, "../package.json"), "utf8")).version;
const coreGlobalDispatcher = join(coreDist, "http/global-dispatcher.js");
const bundleGlobalDispatcher = join(here, "cli/global-dispatcher.mjs");

/** `code` with `from` replaced by `to`, exactly once; the build fails when `from` is not there. */
function rewrite(code, id, from, to) {
  const at = code.indexOf(from);
  if (at < 0 || code.indexOf(from, at + 1) >= 0) {
    throw new Error(`bundle-cli: expected once in ${id}: ${from}`);
  }
  return code.slice(0, at) + to + code.slice(at + from.length);
}

let substituted = false;
const cliStartup = {
  name: "meterkit-cli-startup",
  async resolveId(source, importer, options) {
    if (importer === undefined) return null;
    if (
      source.endsWith("/global-dispatcher.js") &&
      join(dirname(importer), source) === coreGlobalDispatcher
    ) {
      substituted = true;
      return bundleGlobalDispatcher;
    }
    // undici as core's own dependency resolves it (the substitute lives outside core's package).
    if (importer === bundleGlobalDispatcher && source.startsWith("undici/")) {
      return this.resolve(source, coreGlobalDispatcher, { ...options, skipSelf: true });
    }
    return null;
  },
  transform(code, id) {
    if (id === join(cwd, "dist/cli/main.js")) {
      return rewrite(code, id, "\nawait runMain(", "\nrunMain(");
    }
    if (/[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/.test(id)) {
      const h2 = rewrite(
        code,
        id,
        "const connectH2 = require('./client-h2.js')",
        "const connectH2 = (client, socket) => require('./client-h2.js')(client, socket)",
      );
      // The Client reads one value of node:http, `maxHeaderSize` (16 KiB unless --max-http-header-size, on the
      // command line or in NODE_OPTIONS, or a config file changes it): node:http itself only when one may have.
      return rewrite(
        h2,
        id,
        "const http = require('node:http')",
        [
          "const http = {",
          "  get maxHeaderSize () {",
          "    const flags = process.execArgv.join(' ') + ' ' + (process.env.NODE_OPTIONS ?? '')",
          "    return /max-http-header-size|config-file/.test(flags) ? require('node:http').maxHeaderSize : 16384",
          "  }",
          "}",
        ].join("\n"),
      );
    }
    if (/[\\/]undici[\\/]lib[\\/]core[\\/]util\.js$/.test(id)) {
      // IncomingMessage is only compared with a stream body being destroyed: node:http is loaded then.
      const lazy = rewrite(code, id, "const { IncomingMessage } = require('node:http')\n", "");
      return rewrite(
        lazy,
        id,
        "Object.getPrototypeOf(stream).constructor === IncomingMessage",
        "Object.getPrototypeOf(stream).constructor === require('node:http').IncomingMessage",
      );
    }
    return null;
  },
  buildEnd(error) {
    // Core's own module in a bundle would look for undici beside the bundle, not find it, and pull in all of it.
    if (!error && !substituted) throw new Error(`bundle-cli: ${coreGlobalDispatcher} was not replaced`);
  },
  renderChunk(code) {
    // `let node_crypto = require("node:crypto");` (rolldown's form of a built-in an ES module imports; uses
    // read its properties, `node_crypto.randomUUID`) becomes a proxy that requires the module on first use.
    let count = 0;
    let lazy = code.replace(/^let (\w+) = require\("(node:[\w/]+)"\);$/gm, (_, name, specifier) => {
      count++;
      return `let ${name} = __lazyBuiltin(${JSON.stringify(specifier)});`;
    });
    // undici calls `assert(condition)` (never a method of it): node:assert (2.5 ms) is loaded when one fails.
    if (/\bassert\.\w/.test(lazy))
      throw new Error("bundle-cli: a bundled module uses a method of node:assert");
    lazy = lazy.replace(/\bconst assert = require\("node:assert"\);/g, () => {
      count++;
      return "const assert = __lazyAssert;";
    });
    if (count === 0) return null;
    const helper = [
      "// A built-in module, required when first used (bundle-cli.mjs).",
      "function __lazyBuiltin(specifier) {",
      "\tlet loaded;",
      "\tconst real = () => (loaded ??= require(specifier));",
      "\treturn new Proxy({}, {",
      "\t\tget: (_, key) => real()[key],",
      "\t\thas: (_, key) => key in real(),",
      "\t});",
      "}",
      "function __lazyAssert(value, message) {",
      '\tif (!value) require("node:assert")(value, message);',
      "}",
      "",
    ].join("\n");
    // After a "use strict" prologue, which must stay first.
    const prologue = /^(?:"use strict";\n)?/.exec(lazy)[0];
    return `${prologue}${helper}${lazy.slice(prologue.length)}`;
  },
};

await build({
  cwd,
  input: "dist/cli/main.js",
  platform: "node",
  plugins: [cliStartup],
  transform: { define: { __METERKIT_CORE_VERSION__: JSON.stringify(coreVersion) } },
  // One file: a dynamic import (a command loaded on demand) is inlined, as its relative paths must not move.
  // ASCII only (strings escaped, JSDoc dropped): Node reads an ASCII file as a one-byte string, much faster.
  output: {
    file: "dist/cli/main.bundle.cjs",
    format: "cjs",
    codeSplitting: false,
    charset: "ascii",
    comments: { legal: true, annotation: true, jsdoc: false },
  },
  logLevel: "warn",
});
// The start, with the package's name and the bundle's hash: the key of its code cache (no stat of the bundle at each start).
const bundled = readFileSync(join(cwd, "dist/cli/main.bundle.cjs"));
const hash = createHash("sha256").update(bundled).digest("hex").slice(0, 16);
const name = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")).name.replace(/^@[^/]+\//, "");
const start = readFileSync(join(here, "cli/start.mjs"), "utf8");
writeFileSync(
  join(cwd, "dist/cli/start.js"),
  rewrite(start, "cli/start.mjs", '"BUNDLE_ID"', JSON.stringify(`${name}-${hash}`)),
);
// The ES module bundle earlier builds wrote: not to be packed beside the new one.
rmSync(join(cwd, "dist/cli/main.bundle.js"), { force: true });
