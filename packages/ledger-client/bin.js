#!/usr/bin/env node
// Thin entry: dist/cli/start.js runs the CLI bundle (tooling/build/bundle-cli.mjs) with a V8 code cache.
import "./dist/cli/start.js";
