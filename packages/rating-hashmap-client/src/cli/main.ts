/** The `hashmap` executable (`bin.js`): runs the program on the process's arguments, then exits. */
import { runMain } from "@meterkit/core/cli";
import { program } from "./program.js";

await runMain(program);
