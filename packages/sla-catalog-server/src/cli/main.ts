/** The `sla-catalog-server` executable (bin.js imports this file). */
import { runMain } from "@meterkit/core/cli";
import { program } from "./program.js";

await runMain(program);
