const ND = /^\p{Nd}$/u;

/**
 * Value (0–9) of a Unicode decimal digit (category Nd), or -1. Unicode encodes every decimal digit set as ten
 * consecutive code points starting at zero, so the value is the distance to the start of the run, modulo 10.
 */
export function decimalDigitValue(codePoint: number): number {
  if (codePoint >= 48 && codePoint <= 57) return codePoint - 48;
  if (codePoint < 128 || !ND.test(String.fromCodePoint(codePoint))) return -1;
  let start = codePoint;
  while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

/** Replaces every non-ASCII decimal digit by its ASCII digit; returns `undefined` if another non-ASCII char is met. */
export function asciiDigits(text: string): string | undefined {
  let out = "";
  for (const char of text) {
    const cp = char.codePointAt(0)!;
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
