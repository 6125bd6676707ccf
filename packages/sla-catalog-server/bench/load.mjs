// The load generator, in its own process so its work is never counted as a server's. Reads one JSON job
// from argv[2] and prints one JSON result line:
//   job:    { targets: [origin…], mode: "read" | "write", seconds, concurrency, token, paths?, body? }
//   result: { requests, seconds, perSecond, p50Ms, p99Ms, failures, firstFailure? }
// Workers are spread round-robin over the targets (two replicas get half each). A read GETs the next of
// `paths`; a write POSTs `body` to /products. Every answer is read to the end; a status other than
// 200/201 counts as a failure (the bench exits non-zero on any).
import { Agent, request } from "node:http";

const job = JSON.parse(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
const latencies = [];
let failures = 0;
let firstFailure;

function once(origin, path, method, payload) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(
      `${origin}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${job.token}`,
          ...(payload
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          latencies.push(performance.now() - started);
          if (res.statusCode !== 200 && res.statusCode !== 201) {
            failures++;
            firstFailure ??= `${method} ${path} → ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`;
          } else JSON.parse(Buffer.concat(chunks).toString("utf8"));
          resolve();
        });
      },
    );
    req.on("error", (error) => {
      failures++;
      firstFailure ??= `${method} ${path}: ${error.message}`;
      resolve();
    });
    req.end(payload);
  });
}

const deadline = performance.now() + job.seconds * 1000;
const started = performance.now();
let n = 0;
await Promise.all(
  Array.from({ length: job.concurrency }, async (_, worker) => {
    const origin = job.targets[worker % job.targets.length];
    while (performance.now() < deadline) {
      const i = n++;
      if (job.mode === "read") await once(origin, job.paths[i % job.paths.length], "GET");
      else await once(origin, "/products", "POST", JSON.stringify({ ...job.body, name: `bench ${i}` }));
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
const round = (x) => Math.round(x * 100) / 100;
console.log(
  JSON.stringify({
    requests: latencies.length,
    seconds: round(seconds),
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    failures,
    ...(firstFailure ? { firstFailure } : {}),
  }),
);
agent.destroy();
