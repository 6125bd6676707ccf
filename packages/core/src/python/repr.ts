/**
 * Python's text forms of values, for messages and outputs that must read exactly as the Python originals
 * print them. One home for the whole toolkit; `test/python.test.ts` checks every function against Python's
 * own output.
 */

import { isPlainObject } from "./types.js";

/**
 * Python's `repr()` (and `str()`) of a float: the shortest digits that round-trip, the exponent form below
 * 1e-4 and from 1e16 (`1e-05`, `1e+16`, where JavaScript switches at 1e-7 and 1e21), `nan`, `inf`.
 * `dotZero: false` leaves integral values without `.0`, as the parts of a `complex` print (`(1+2j)`).
 * @public
 */
export function pyFloatRepr(value: number, options: { dotZero?: boolean } = {}): string {
  const dotZero = options.dotZero ?? true;
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (value === 0) return (Object.is(value, -0) ? "-0" : "0") + (dotZero ? ".0" : "");
  const [mantissa, expText] = value.toExponential().split("e") as [string, string];
  const exponent = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${body}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fracPart = digits.slice(exponent + 1);
  if (fracPart === "") return `${sign}${intPart}${dotZero ? ".0" : ""}`;
  return `${sign}${intPart}.${fracPart}`;
}

/**
 * True when Python would see this JavaScript number as an `int` after it went through JSON: its
 * `JSON.stringify` text has no fraction and no exponent (`4096`, `1e17` → `100000000000000000`), where
 * `0.5`, `1e21` and `NaN` are floats (or not JSON at all).
 * @public
 */
export function isPyInt(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < 1e21;
}

/** Python's text of a number seen through JSON: an int's digits, or the float's repr. */
function numberText(value: number): string {
  return isPyInt(value) ? (Object.is(value, -0) ? "0" : String(value)) : pyFloatRepr(value);
}

/**
 * Python's `str()` of a value as it arrives from JSON (or as `str.format` inserts it): `None`,
 * `True`/`False`, ints as digits, floats in Python's repr, strings as they are, lists and objects as
 * `repr()` prints them. JavaScript cannot tell `5.0` from `5`: integral numbers print as ints.
 * @public
 */
export function pyStr(value: unknown): string {
  if (typeof value === "string") return value;
  // A function or symbol prints as itself, unquoted, as Python's str() of an object does.
  if (typeof value === "function" || typeof value === "symbol") return String(value);
  return pyRepr(value);
}

/**
 * Python's `repr()` of a JSON-like value: `None`, `True`, `'text'` (quoted and escaped as Python does),
 * numbers as {@link pyStr}, `[1, 'a']`, `{'k': None}`. Dates print as their ISO text, quoted; other class
 * instances as their own `toString()`.
 * @public
 */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return pyStringRepr(value);
  if (value instanceof Date) return pyStringRepr(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  // A class instance (a date type, a model) prints as it prints itself, as a Python object's __repr__ would.
  if (typeof value === "object" && !isPlainObject(value) && !(value instanceof Map)) return String(value);
  if (value instanceof Map) return pyRepr(Object.fromEntries(value));
  if (typeof value === "object") {
    const items = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`,
    );
    return `{${items.join(", ")}}`;
  }
  return pyStringRepr(String(value));
}

// Python's str.isprintable() is false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than space.
const NOT_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python's `repr()` of a `str`: single quotes unless the text has one and no double quote. @public */
export function pyStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of text) {
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch !== " " && NOT_PRINTABLE.test(ch)) out += escapeCodePoint(ch.codePointAt(0) as number);
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

function escapeCodePoint(cp: number): string {
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, "0")}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, "0")}`;
  return `\\U${cp.toString(16).padStart(8, "0")}`;
}

/** Python's `repr()` of a `bytes` object (`b'...'`). @public */
export function pyBytesRepr(bytes: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const b of bytes) {
    if (b === 0x27) hasSingle = true;
    else if (b === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = "";
  for (const b of bytes) {
    if (b === 0x5c) out += "\\\\";
    else if (b === 0x09) out += "\\t";
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b === quote.charCodeAt(0)) out += `\\${quote}`;
    else if (b < 0x20 || b >= 0x7f) out += `\\x${b.toString(16).padStart(2, "0")}`;
    else out += String.fromCharCode(b);
  }
  return `b${quote}${out}${quote}`;
}
