import { decimalDigitValue, withoutDigitUnderscores } from "@meterkit/core/python";
import { ExpressionOverflowError, ExpressionTypeError, ExpressionValueError } from "../errors.js";
import { typeName } from "./type-name.js";

// Python's str.isspace() beyond ASCII; float() maps these to ' ' before stripping.
const PY_UNICODE_SPACE = /[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const ASCII_SPACE = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;
const PY_FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/**
 * Python `float(text)` for a string: surrounding whitespace, `_` between digits, any Unicode decimal digits,
 * `inf`/`infinity`/`nan` in any case. `Number()` differs (`Number("") === 0`, `Number("0x10") === 16`).
 */
export function parsePythonFloat(text: string): number {
  let ascii = "";
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 128) ascii += char;
    else if (PY_UNICODE_SPACE.test(char)) ascii += " ";
    else {
      const digit = decimalDigitValue(cp);
      if (digit < 0) throw new ExpressionValueError(text);
      ascii += String(digit);
    }
  }
  // CPython _Py_string_to_number_with_underscores: each '_' must sit between two digits.
  const s = withoutDigitUnderscores(ascii.replace(ASCII_SPACE, ""));
  if (s === undefined || !PY_FLOAT.test(s)) throw new ExpressionValueError(text);
  const lower = s.toLowerCase();
  const negative = lower.startsWith("-");
  const body = lower.replace(/^[+-]/, "");
  if (body === "nan") return Number.NaN;
  if (body === "inf" || body === "infinity") return negative ? -Infinity : Infinity;
  return Number(s);
}

/**
 * Python `float(value)` for a variable: numbers, bigints (Python ints), booleans and numeric strings are
 * accepted; everything else is a type error.
 */
export function toFloat(value: unknown): number {
  switch (typeof value) {
    case "number":
      return value;
    case "string":
      return parsePythonFloat(value);
    case "boolean":
      return value ? 1 : 0;
    case "bigint": {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new ExpressionOverflowError("int too large to convert to float");
      return n;
    }
    default:
      throw new ExpressionTypeError(
        `float() argument must be a string or a real number, not '${typeName(value)}'`,
      );
  }
}
