// Benchmarks of @meterkit/metric-parser against baselines measured in the same run.
// Run with `pnpm run bench` (builds first). Prints ops/s; never asserts durations.
import { seededRandom } from "@meterkit/core/testing";
import jsep from "jsep";
import { printBench } from "../../../tooling/bench/table.mjs";
import { CaseExpressionParser, SimpleExpressionParser } from "../dist/index.js";

// Seeded, so every run measures the same inputs.
const random = seededRandom(20181004);
const pick = (items) => items[Math.floor(random() * items.length)];
const VARIABLES = ["value", "total", "used", "offset", "x", "y"];

function operand(depth) {
  const r = random();
  if (depth < 3 && r < 0.2) return `(${arithmetic(depth + 1)})`;
  if (r < 0.55) return pick(VARIABLES);
  return (random() * 1000).toFixed(Math.floor(random() * 4));
}

function arithmetic(depth = 0) {
  let text = operand(depth);
  const terms = 1 + Math.floor(random() * 4);
  for (let i = 0; i < terms; i++) text += ` ${pick(["+", "-", "*", "/", "^"])} ${operand(depth)}`;
  return text;
}

function expression_() {
  const a = arithmetic();
  if (random() < 0.5) return a;
  return `${a} if ${arithmetic()} ${pick([">", "<", ">=", "<=", "=", "!=", "=="])} ${arithmetic()} else ${arithmetic()}`;
}

/** Best of ROUNDS timed runs after a warm-up: the machines are shared VMs, and the best run is the least disturbed. */
const ROUNDS = 5;

function measure(label, count, body) {
  body(Math.min(count, 100_000)); // warm-up, so the JIT has settled before timing
  let best = Number.POSITIVE_INFINITY;
  let sink;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    sink = body(count);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  const opsPerSecond = count / best;
  console.log(`${label.padEnd(58)} ${Math.round(opsPerSecond).toLocaleString("en-US").padStart(14)} ops/s`);
  return { opsPerSecond, sink };
}

function ratio(label, ours, baseline) {
  console.log(`${label.padEnd(58)} ${(ours / baseline).toFixed(2).padStart(14)} x`);
}

/** A machine-readable line for the root `pnpm bench` (tooling/bench/run.mjs): a baseline of this run. */
function bench(name, ours, baseline, unit) {
  printBench({ name, value: Math.round(ours), baseline: Math.round(baseline), unit });
}

// A realistic process: a mapping of a few hundred conversions, each compiled and used, before the one we time
// (so the closures' call sites have seen many shapes, as they would in a service).
const parser = new SimpleExpressionParser();
for (let i = 0; i < 300; i++) {
  const expression = parser.parse(expression_());
  for (let j = 0; j < 20; j++) {
    try {
      expression.evaluate({ value: j, total: 10 - j, used: 3, offset: 1, x: 2, y: -1 });
    } catch {
      // a conversion may fail for some inputs; the original raised too
    }
  }
}

// (i) Evaluate a compiled ternary 1,000,000 times with 1,000 rotating variable sets.
const N = 1_000_000;
const sets = Array.from({ length: 1000 }, () => ({
  value: Math.round(random() * 1e6) / 100,
  offset: Math.round(random() * 1e4) / 100,
  total: Math.round((random() - 0.1) * 1e5) / 100,
}));
const conversion = parser.parse("(value - offset) * 100 / total if total > 0 else 0");
console.log("evaluate: (value - offset) * 100 / total if total > 0 else 0, 1,000 rotating variable sets");
const evaluated = measure("ParsedExpression.evaluate", N, (n) => {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += conversion.evaluate(sets[i % 1000]);
  return sum;
});
const handWritten = (v) => (v.total > 0 ? ((v.value - v.offset) * 100) / v.total : 0);
const baseline = measure("baseline: hand-written JS function", N, (n) => {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += handWritten(sets[i % 1000]);
  return sum;
});
if (evaluated.sink !== baseline.sink) throw new Error("the compiled expression and the baseline disagree");
ratio("ours / hand-written JS", evaluated.opsPerSecond, baseline.opsPerSecond);
bench("metric-parser evaluate vs hand-written JS", evaluated.opsPerSecond, baseline.opsPerSecond, "evals/s");
ratio("ours / Python original (820,000 evaluations/s)", evaluated.opsPerSecond, 820_000);

// (ii) Reference: a two-WHEN CASE.
const caseExpression = new CaseExpressionParser().parse(
  "CASE WHEN total = 0 THEN NULL WHEN value > total THEN 100 ELSE value * 100 / total END",
);
console.log("\nevaluate: two-WHEN CASE, 1,000 rotating variable sets");
const cased = measure("ParsedExpression.evaluate (CASE)", N, (n) => {
  let count = 0;
  for (let i = 0; i < n; i++) if (caseExpression.evaluate(sets[i % 1000]) !== null) count++;
  return count;
});
ratio("ours / Python original (1,420,000 evaluations/s)", cased.opsPerSecond, 1_420_000);

// (iii) Parse 10,000 distinct expressions.
const texts = new Set();
while (texts.size < 10_000) texts.add(expression_());
const corpus = [...texts];
console.log(`\nparse: ${corpus.length} distinct expressions (arithmetic and ternary mix)`);
const parsed = measure("SimpleExpressionParser.parse (parse + compile)", corpus.length, (n) => {
  let last;
  for (let i = 0; i < n; i++) last = parser.parse(corpus[i]);
  return last;
});
// Baseline: plain jsep (default configuration) on the arithmetic part of the same texts.
const arithmeticOnly = corpus.map((t) => t.split(" if ")[0]);
const raw = measure("baseline: jsep() on the arithmetic part, default config", corpus.length, (n) => {
  let last;
  for (let i = 0; i < n; i++) last = jsep(arithmeticOnly[i]);
  return last;
});
ratio("ours / plain jsep", parsed.opsPerSecond, raw.opsPerSecond);
bench("metric-parser parse vs plain jsep", parsed.opsPerSecond, raw.opsPerSecond, "parses/s");
ratio("ours / Python original (330 parses/s, research/nflex.md §7)", parsed.opsPerSecond, 330);
