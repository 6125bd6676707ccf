#!/usr/bin/env node
/**
 * Bundles a CLI package's entry (`dist/cli/main.js`, built by tsc) into one file, `dist/cli/main.bundle.js`,
 * which the package's `bin.js` runs. A CLI is a fresh process each time, and on Node 20 (no compile cache)
 * every ES module costs a file read, a compile and a link: `zod` alone is 95 modules (60 of them locales a
 * CLI never uses). One tree-shaken file of the package's own code and its dependencies loads in a fraction
 * of that. `@meterkit/core` stays external (its own dependencies, undici, resolve from its package, and it
 * already loads undici only on the first request); so do Node's built-ins. The code is the same code: the
 * library entry points (`dist/index.js`) and the tests are untouched, and nothing is minified, so stack
 * traces still name the functions.
 *
 * Usage (from the package's directory, after tsc): node ../../tooling/build/bundle-cli.mjs
 */
import { build } from "rolldown";

await build({
  cwd: process.cwd(),
  input: "dist/cli/main.js",
  platform: "node",
  external: [/^@meterkit\/core(\/|$)/],
  // One file: a dynamic import (a command loaded on demand) is inlined, as its relative paths must not move.
  // ASCII only (strings escaped, JSDoc dropped): Node reads an ASCII file as a one-byte string, much faster.
  output: {
    file: "dist/cli/main.bundle.js",
    format: "esm",
    codeSplitting: false,
    charset: "ascii",
    comments: { legal: true, annotation: true, jsdoc: false },
  },
  logLevel: "warn",
});
