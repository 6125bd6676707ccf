#!/usr/bin/env node
// Thin entry: the CLI lives in dist/cli.js (built from src/cli.ts).
import { main } from "./dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
