/** Seeded generators of expressions for the fuzz test. Deterministic: the same seed gives the same inputs. */

/** A source of numbers in [0, 1): `seededRandom(seed)` from `@meterkit/core/testing`. */
export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

/** Names that would reach a prototype or a global if looked up carelessly. */
export const DANGEROUS_NAMES = [
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "polluted",
  "globalThis",
  "process",
  "this",
  "eval",
];
const NAMES = [
  "value",
  "total",
  "x",
  "y",
  "B_2",
  "case",
  "end",
  "null",
  "NULL",
  "not",
  "and",
  "iF",
  // Identifiers of the grammar start with a letter: `__proto__` is therefore only in the soup.
  ...DANGEROUS_NAMES.filter((name) => /^[A-Za-z]/.test(name)),
];
const NUMBERS = [
  "0",
  "1",
  "2.5",
  "007",
  "5.",
  "1.e3",
  "1e5",
  "1E-3",
  "1:.5",
  "1:e5",
  "١٢",
  "1e999",
  "0.0",
  "10",
  "400",
];
const SOUP = [
  ...NAMES,
  ...NUMBERS,
  "__proto__",
  ".5",
  ..."+-*/^()[]{}.,?:;'\"`!=<>%&|~$_#@\\".split(""),
  "**",
  "//",
  "==",
  "!=",
  "<=",
  ">=",
  "<>",
  "=>",
  "&&",
  "||",
  "CASE",
  "WHEN",
  "THEN",
  "ELSE",
  "END",
  "if",
  "else",
  "IF",
  "Else",
  "not",
  "and",
  "or",
  "NOT",
  "AND",
  "OR",
  "true",
  "false",
  "__proto__",
  "\u00a0",
  "\u000b",
  "\t",
  "\n",
  "é",
  "ı",
  "𝟙",
  "\u0000",
];

/** Random tokens with random spacing (often none). */
export function tokenSoup(random: Random): string {
  const length = 1 + Math.floor(random() * 12);
  let text = "";
  for (let i = 0; i < length; i++) text += pick(random, SOUP) + pick(random, ["", "", " ", "  ", "\t"]);
  return text;
}

const space = (random: Random) => pick(random, ["", " ", " ", "  ", "\t", "\n"]);

function operand(random: Random, depth: number, withCase: boolean): string {
  const r = random();
  if (depth < 2 && r < 0.15)
    return `(${space(random)}${arithmetic(random, depth + 1, withCase)}${space(random)})`;
  if (withCase && depth < 1 && r < 0.2) return caseExpression(random, depth + 1);
  const sign = random() < 0.15 ? pick(random, ["-", "+", "- ", "--"]) : "";
  // Inside a CASE, a variable named `case` followed by WHEN would start a nested CASE (as in the original).
  const names = withCase ? NAMES.filter((n) => n.toUpperCase() !== "CASE") : NAMES;
  return sign + (random() < 0.5 ? pick(random, names) : pick(random, NUMBERS));
}

/** A well-formed `arith` (CASE operands only when `withCase`). */
export function arithmetic(random: Random, depth = 0, withCase = false): string {
  let text = operand(random, depth, withCase);
  const terms = Math.floor(random() * (depth === 0 ? 4 : 2));
  for (let i = 0; i < terms; i++) {
    text += `${space(random)}${pick(random, ["+", "-", "*", "/", "^"])}${space(random)}${operand(random, depth, withCase)}`;
  }
  return text;
}

function condition(random: Random, depth: number, ternary: boolean): string {
  const ops = ternary ? [">", "<", ">=", "<=", "=", "!=", "=="] : [">", "<", ">=", "<=", "=", "!="];
  return `${arithmetic(random, depth, !ternary)} ${pick(random, ops)} ${arithmetic(random, depth, !ternary)}`;
}

function when(random: Random, depth: number): string {
  const r = random();
  if (r < 0.15) return `${pick(random, ["NOT ", "not ", "Not "])}${when(random, depth + 1)}`;
  if (r < 0.3 && depth < 2)
    return `(${when(random, depth + 1)}) ${pick(random, ["AND", "or", "and"])} ${condition(random, depth, false)}`;
  return condition(random, depth, false);
}

/** A well-formed CASE. */
export function caseExpression(random: Random, depth = 0): string {
  let text = pick(random, ["CASE", "case", "Case"]);
  const branches = 1 + Math.floor(random() * 2);
  for (let i = 0; i < branches; i++)
    text += ` WHEN ${when(random, depth)} THEN ${arithmetic(random, depth + 1, true)}`;
  if (random() < 0.6) text += ` ELSE ${arithmetic(random, depth + 1, true)}`;
  return `${text} END`;
}

/** A well-formed ternary. */
export function ternary(random: Random): string {
  return `${arithmetic(random)} ${pick(random, ["if", "IF"])} ${condition(random, 0, true)} ${pick(random, ["else", "ELSE"])} ${arithmetic(random)}`;
}

/** Random variables: numbers, numeric and other strings, booleans, null, bigints, lists; sometimes missing. */
export function variables(random: Random): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const name of ["value", "total", "x", "y", "B_2", "case", "end", "null", "not", "and", "iF"]) {
    if (random() < 0.15) continue;
    scope[name] = pick(random, [
      0,
      1,
      -2.5,
      1e308,
      Number.NaN,
      "3",
      " 4_0 ",
      "abc",
      "",
      true,
      null,
      10n ** 400n,
      [1],
    ]);
  }
  return scope;
}
