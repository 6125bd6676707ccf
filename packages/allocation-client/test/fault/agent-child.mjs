// One agent process of the fault campaign: the built agent, the directory backend, tight intervals.
// The campaign SIGKILLs it at random points; it never exits on its own once started. It is spawned ahead
// as a spare: modules loaded, it says "loaded" and waits for a line on stdin before making its agent.
import { createAgent } from "../../dist/agent/index.js";
import { fileBackend } from "./file-backend.mjs";

process.stdout.write("loaded\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
const { WALDUR_URL, WALDUR_TOKEN, OFFERING, STORE } = process.env;
const agent = createAgent({
  waldur: {
    baseUrl: WALDUR_URL,
    token: WALDUR_TOKEN,
    timeoutMs: 300,
    retry: { maxAttempts: 2, baseDelayMs: 10 },
  },
  backend: fileBackend(STORE),
  offerings: [OFFERING],
  intervalMs: { orders: 20, usage: 40, membership: 40 },
  backoff: { baseMs: 20, maxMs: 200 },
  concurrency: 4,
});
// Tell the campaign the agent is up, so it kills during the agent's work, not during module loading.
process.stdout.write("ready\n");
await agent.run(new AbortController().signal);
