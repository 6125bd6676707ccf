/**
 * Worker of the metric-parser fuzz (plain ESM so worker_threads can load it without a TypeScript loader).
 * It generates `count` expressions from `seed` — grammar-based and random — runs each through the four
 * parsers (one each in turn, every 16th through all four), evaluates what parses with hostile variable names, and reports only counts and the first few
 * offending inputs: anything thrown that is not one of the package's typed errors, or any lookup that
 * reached a prototype or a global.
 */
import { parentPort, workerData } from "node:worker_threads";
import { seededRandom } from "@meterkit/core/testing";
import {
  CaseExpressionParser,
  ExpressionParser,
  isMetricParserError,
  SimpleExpressionParser,
  TernaryExpressionParser,
} from "@meterkit/metric-parser";

const { seed, count } = workerData;
const parsers = [
  new ExpressionParser(),
  new TernaryExpressionParser(),
  new CaseExpressionParser(),
  new SimpleExpressionParser(),
];

const random = seededRandom(seed);
const int = (n) => Math.floor(random() * n);
const pick = (items) => items[int(items.length)];

// Names that would reach a prototype or a global if looked up carelessly.
const DANGEROUS = [
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "isPrototypeOf",
  "__defineGetter__",
  "process",
  "globalThis",
  "global",
  "window",
  "require",
  "eval",
  "Function",
  "this",
  "polluted",
  "Object",
  "Math",
  "import",
];
const NAMES = ["value", "x", "y", "total_b", "cpu", "B_2", "n1", ...DANGEROUS];
const NUMBERS = [
  "0",
  "1",
  "2.5",
  "1e3",
  "1E-7",
  "1e309",
  "-0",
  "9007199254740993",
  ".5",
  "5.",
  "0x10",
  "1_000",
  "NULL",
  "007",
];
const BIN = ["+", "-", "*", "/", "^", "%", "**", "//"];
const CMP = [">", "<", ">=", "<=", "==", "!=", "<>", "="];
const LOGIC = ["and", "or", "AND", "OR"];
const SOUP = [
  ...BIN,
  ...CMP,
  ...LOGIC,
  "(",
  ")",
  "if",
  "else",
  "CASE",
  "WHEN",
  "THEN",
  "ELSE",
  "END",
  "not",
  "NOT",
  "NULL",
  ",",
  ".",
  "[",
  "]",
  "{",
  "}",
  "'",
  '"',
  "`",
  "${",
  "\\",
  "?",
  ":",
  ";",
  "=>",
  "new",
  "delete",
  "typeof",
  "__proto__.polluted",
  "constructor.constructor",
  "process.exit(1)",
  "globalThis.x=1",
  "' OR 1=1 --",
  "<script>",
  "\u0000",
  "\u202E",
  "🧾",
  "\uD800",
  "\r\n",
  "\t",
  " ",
  "",
  ...NUMBERS,
  ...NAMES,
];
const CHARS =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection lookalikes, on purpose.
  "0123456789.eE+-*/^%()<>=! abcxyzCASEWHENTHENELSEifelsenotandor_,'\"`${}[]\\\u0000\u00e9\u202e\ud83e\uddfe\n\t";

function atom(depth) {
  const r = random();
  if (r < 0.35) return pick(NUMBERS);
  if (r < 0.7) return pick(NAMES);
  if (depth <= 0) return pick(NUMBERS);
  if (r < 0.8) return `(${arith(depth - 1)})`;
  if (r < 0.9) return `-${atom(depth - 1)}`;
  return `(${caseExpr(depth - 1)})`;
}
function arith(depth) {
  let out = atom(depth);
  for (let i = int(3); i > 0; i--) out += ` ${pick(BIN)} ${atom(depth)}`;
  return out;
}
function condition(depth) {
  const base = `${arith(depth)} ${pick(CMP)} ${arith(depth)}`;
  const r = random();
  if (r < 0.15) return `not ${base}`;
  if (r < 0.3) return `${base} ${pick(LOGIC)} ${arith(depth)} ${pick(CMP)} ${atom(depth)}`;
  return base;
}
function ternary(depth) {
  return `${arith(depth)} if ${condition(depth)} else ${depth > 0 && random() < 0.3 ? ternary(depth - 1) : arith(depth)}`;
}
function caseExpr(depth) {
  let out = "CASE";
  for (let i = 1 + int(3); i > 0; i--) out += ` WHEN ${condition(depth)} THEN ${arith(depth)}`;
  if (random() < 0.6) out += ` ELSE ${arith(depth)}`;
  return `${out} END`;
}
/** Mutate a valid expression: drop, duplicate or swap a character, or splice a soup token in. */
function mutate(text) {
  if (text.length === 0) return pick(SOUP);
  const at = int(text.length);
  switch (int(4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + text[at] + text.slice(at);
    case 2:
      return text.slice(0, at) + pick(SOUP) + text.slice(at);
    default:
      return text.slice(0, at) + CHARS[int(CHARS.length)] + text.slice(at + 1);
  }
}
function deep() {
  const n = 200 + int(800);
  const r = random();
  if (r < 0.25) return `${"(".repeat(n)}1${")".repeat(n)}`;
  if (r < 0.5) return `${"-".repeat(n)}1`;
  if (r < 0.75) return Array.from({ length: n }, () => "x").join(" + ");
  return `${"CASE WHEN x > 0 THEN ".repeat(Math.min(n, 400))}1${" END".repeat(Math.min(n, 400))}`;
}
function generate() {
  const r = random();
  const depth = int(4);
  if (r < 0.2) return arith(depth);
  if (r < 0.32) return ternary(depth);
  if (r < 0.44) return caseExpr(depth);
  if (r < 0.7) return mutate(pick([arith, ternary, caseExpr])(depth));
  if (r < 0.85) return Array.from({ length: 1 + int(12) }, () => pick(SOUP)).join(random() < 0.5 ? " " : "");
  if (r < 0.9995) return Array.from({ length: int(40) }, () => CHARS[int(CHARS.length)]).join("");
  return deep();
}

// Variables: every ordinary name has a value; dangerous names are never own properties, so each must be
// reported missing even though `{}` inherits `constructor`, `toString`… from Object.prototype.
const scope = { value: 3, x: 2, y: -1.5, total_b: "12.5", cpu: 0, B_2: true, n1: null };
let trapped = 0;
Object.defineProperty(Object.prototype, "polluted", {
  configurable: true,
  get() {
    trapped++;
    return 42;
  },
});
const protoKeys = Object.getOwnPropertyNames(Object.prototype).join(",");
const globalKeys = Object.getOwnPropertyNames(globalThis).sort().join(",");
Error.stackTraceLimit = 0; // failed parses dominate; their stacks are not inspected

const stats = {
  expressions: 0,
  parses: 0,
  parsed: 0,
  syntaxErrors: 0,
  evaluated: 0,
  evalErrors: 0,
  missingVariables: 0,
  untyped: 0,
  dangerousResolved: 0,
  maxMs: 0,
  byKind: {},
};
const examples = [];
function untyped(where, text, error) {
  stats.untyped++;
  if (examples.length < 8) {
    examples.push({
      where,
      text: text.slice(0, 200),
      length: text.length,
      error: `${error?.name}: ${String(error?.message).slice(0, 200)}`,
    });
  }
}

for (let i = 0; i < count; i++) {
  const text = generate();
  stats.expressions++;
  // Each expression goes through one parser in turn (250,000 each per million); every 16th through all four.
  const chosen = i % 16 === 0 ? parsers : [parsers[i % 4]];
  for (const parser of chosen) {
    const started = performance.now();
    stats.parses++;
    let parsed;
    try {
      parsed = parser.parse(text);
      stats.parsed++;
    } catch (error) {
      if (isMetricParserError(error)) {
        stats.syntaxErrors++;
        stats.byKind[error.code] = (stats.byKind[error.code] ?? 0) + 1;
      } else untyped(`${parser.grammar}.parse`, text, error);
    }
    if (parsed) {
      stats.evaluated++;
      try {
        parsed.evaluate(scope);
      } catch (error) {
        if (!isMetricParserError(error)) untyped(`${parser.grammar}.evaluate`, text, error);
        else {
          stats.evalErrors++;
          stats.byKind[error.code] = (stats.byKind[error.code] ?? 0) + 1;
          if (error.code === "VARIABLE_LOOKUP") stats.missingVariables++;
        }
      }
      // Each dangerous name alone must be missing, whatever the prototype chain holds.
      if (i % 64 === 0) {
        for (const name of DANGEROUS) {
          const single = parser.tryParse(name);
          if (!single) continue;
          try {
            single.evaluate({});
            stats.dangerousResolved++;
            if (examples.length < 8) examples.push({ where: "dangerous name resolved", text: name });
          } catch (error) {
            if (!isMetricParserError(error, "VARIABLE_LOOKUP")) untyped("dangerous name", name, error);
          }
        }
      }
    }
    const ms = performance.now() - started;
    if (ms > stats.maxMs) stats.maxMs = ms;
  }
}

delete Object.prototype.polluted;
parentPort.postMessage({
  stats,
  examples,
  trapped,
  protoChanged:
    Object.getOwnPropertyNames(Object.prototype).join(",") !== protoKeys.replace(/,?polluted/, ""),
  globalsChanged: Object.getOwnPropertyNames(globalThis).sort().join(",") !== globalKeys,
});
