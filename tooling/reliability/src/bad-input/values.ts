/**
 * The catalogue of hostile values every bad-input table draws from. Each entry has a label for the report
 * and the value itself; the tables decide, per field, whether a value must be refused or encoded.
 */

/** A labelled value. */
export interface Sample {
  readonly label: string;
  readonly value: unknown;
}

const MB = 1024 * 1024;

/** Values of the wrong JavaScript type for a string field. */
export const NOT_STRINGS: readonly Sample[] = [
  { label: "number", value: 42 },
  { label: "NaN", value: Number.NaN },
  { label: "boolean", value: true },
  { label: "null", value: null },
  { label: "object", value: { toString: () => "x" } },
  { label: "array", value: ["a"] },
  { label: "symbol", value: Symbol("s") },
  { label: "bigint", value: 10n },
  { label: "function", value: () => "x" },
];

/** Values of the wrong type, or out of range, for a count or size (a non-negative integer). */
export const BAD_COUNTS: readonly Sample[] = [
  { label: "string number", value: "5" },
  { label: "negative", value: -1 },
  { label: "fraction", value: 1.5 },
  { label: "NaN", value: Number.NaN },
  { label: "Infinity", value: Number.POSITIVE_INFINITY },
  { label: "-Infinity", value: Number.NEGATIVE_INFINITY },
  { label: "null", value: null },
  { label: "bigint", value: 5n },
  { label: "object", value: { valueOf: () => 5 } },
];

/** Dates that are not dates. */
export const BAD_DATES: readonly Sample[] = [
  { label: "Invalid Date", value: new Date(Number.NaN) },
  { label: "Feb 30", value: "2017-02-30" },
  { label: "month 13", value: "2017-13-01" },
  { label: "hour 25", value: "2017-01-01T25:00:00Z" },
  { label: "words", value: "yesterday" },
  { label: "empty", value: "" },
  { label: "injection", value: "2017-01-01' OR 1=1 --" },
  { label: "number", value: 1_490_000_000 },
  { label: "null", value: null },
];

/** Strings that look like path traversal, query or fragment delimiters, or escapes. */
export const PATH_LIKE: readonly string[] = [
  "../admin",
  "..%2Fadmin",
  "%2F",
  "a/b",
  "a?x=1",
  "a#frag",
  "a b",
  "%",
  "~user",
  "a;b=c",
  "\\..\\",
  "./.",
];

/** Path segments the server would normalise away: refused by core, whatever the client. */
export const DOT_SEGMENTS: readonly string[] = ["", ".", ".."];

/** Strings that look like injection attempts; legal as data, so they must arrive verbatim. */
export const INJECTION: readonly string[] = [
  "' OR 1=1 --",
  '"; DROP TABLE mappings; --',
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection lookalike, on purpose.
  "${process.env.HOME}",
  "{{7*7}}",
  "$(rm -rf /)",
  "a\r\nX-Injected: 1",
  "a\nSet-Cookie: x=1",
  "\u0000nul",
];

/** Unicode that must survive encoding: combining marks, RTL, astral planes, a lone surrogate. */
export const UNICODE: readonly string[] = ["Zürich", "東京", "\u202Eevil", "🧾💸", "e\u0301", "\uFEFFbom"];

/** A lone surrogate cannot be UTF-8 encoded; encodeURIComponent throws URIError on it. */
export const LONE_SURROGATE = "a\uD800b";

/** A 1 MB string (of ASCII, so it is exactly 1 MiB on the wire). */
export const ONE_MB = "x".repeat(MB);

/** Every legal-but-hostile string, for fields that take free text or ids. */
export const HOSTILE_STRINGS: readonly string[] = [...PATH_LIKE, ...INJECTION, ...UNICODE];

/** A short printable form of a value for test names. */
export function show(value: unknown): string {
  if (typeof value === "string") {
    const text = value.length > 40 ? `${value.slice(0, 20)}…(${value.length} chars)` : value;
    return JSON.stringify(text);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol" || typeof value === "function") return String(typeof value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? "NaN" : value.toISOString()})`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
