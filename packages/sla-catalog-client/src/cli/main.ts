/** The process entry of `sla-catalog` (imported by `bin.js`); importing it runs the CLI. */
import { runMain } from "@meterkit/core/cli";
import { normaliseToolName, program } from "./program.js";

// runMain reads process.argv itself; the script spelling of the tool name is rewritten there first.
process.argv.splice(2, process.argv.length - 2, ...normaliseToolName(process.argv.slice(2)));
await runMain(program);
