#!/usr/bin/env node
// Thin entry: the CLI is dist/cli/main.js (from src/cli/main.ts), bundled into one file for start-up.
import "./dist/cli/main.bundle.js";
