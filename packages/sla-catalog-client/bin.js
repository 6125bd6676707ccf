#!/usr/bin/env node
// Thin entry: the CLI lives in dist/cli/main.js (built from src/cli/main.ts).
import "./dist/cli/main.js";
