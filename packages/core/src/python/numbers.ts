/**
 * What Python's number constructors accept from text (`int()`, `float()`, `decimal.Decimal()`), the parts
 * several packages share: Unicode decimal digits, Unicode whitespace around the number, and single
 * underscores between digits (CPython `_Py_string_to_number_with_underscores`, `Decimal`'s
 * `_parser` after PEP 515).
 */

const ND = /^\p{Nd}$/u;

/**
 * Value (0–9) of a Unicode decimal digit (category Nd), or -1. Unicode encodes every decimal digit set as
 * ten consecutive code points starting at zero, so the value is the distance to the start of the run,
 * modulo 10.
 * @public
 */
export function decimalDigitValue(codePoint: number): number {
  if (codePoint >= 48 && codePoint <= 57) return codePoint - 48;
  if (codePoint < 128 || !ND.test(String.fromCodePoint(codePoint))) return -1;
  let start = codePoint;
  while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

/**
 * Every non-ASCII decimal digit replaced by its ASCII digit (`"４０９６"` → `"4096"`), as CPython does before
 * parsing a number; `undefined` when another non-ASCII character is met.
 * @public
 */
export function asciiDigits(text: string): string | undefined {
  let out = "";
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp < 128) {
      out += char;
      continue;
    }
    const digit = decimalDigitValue(cp);
    if (digit < 0) return undefined;
    out += String(digit);
  }
  return out;
}

// str.strip() with no argument strips Unicode whitespace (str.isspace()): White_Space plus the separators
// U+001C–U+001F that Python counts as whitespace.
const WS =
  "[\\t\\n\\v\\f\\r \\u001c-\\u001f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const SPACE = new RegExp(`^${WS}+|${WS}+$`, "gu");

/** `text.strip()`: Python's whitespace removed from both ends. @public */
export function pyStrip(text: string): string {
  return text.replace(SPACE, "");
}

// int(), float() and Decimal() turn non-ASCII whitespace into spaces (_PyUnicode_TransformDecimalAndSpaceToASCII)
// and then strip ASCII whitespace only: "\x1c" is str.isspace() but not accepted around a number.
const NUMBER_WS = "[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const NUMBER_SPACE = new RegExp(`^${NUMBER_WS}+|${NUMBER_WS}+$`, "gu");

/** The whitespace Python's number constructors (`int()`, `float()`, `Decimal()`) ignore around a number, removed. @public */
export function pyNumberStrip(text: string): string {
  return text.replace(NUMBER_SPACE, "");
}

/**
 * The text without its underscores, when each stands between two digits (`1_000` → `1000`); `undefined`
 * when one does not (`_1`, `1__0`, `1_`, `1_.5`).
 * @public
 */
export function withoutDigitUnderscores(text: string): string | undefined {
  if (!text.includes("_")) return text;
  if (/(^|[^0-9])_|_($|[^0-9])/.test(text)) return undefined;
  return text.replaceAll("_", "");
}

/**
 * Python's `int(text)` (base 10) as exact digits with their sign (`" -1_000 "` → `"-1000"`), or
 * `undefined` when Python raises `ValueError`.
 * @public
 */
export function pyIntText(text: string): string | undefined {
  const ascii = asciiDigits(pyNumberStrip(text));
  if (ascii === undefined) return undefined;
  const match = /^([+-]?)(\d+(?:_\d+)*)$/.exec(ascii);
  if (!match) return undefined;
  const digits = (match[2] as string).replaceAll("_", "").replace(/^0+(?=\d)/, "");
  return `${match[1] === "-" && digits !== "0" ? "-" : ""}${digits}`;
}
