/**
 * Python's `str` ordering: by code point. JavaScript's `<` and default sort compare UTF-16 units, which
 * differs above U+FFFF (a surrogate, 0xD800–0xDFFF, sorts below U+E000–U+FFFF as a unit but above them as
 * the code point it encodes).
 */

/**
 * Negative, zero or positive as Python's `a < b`, `a == b`, `a > b` for two strings: `sorted()`'s order.
 * @public
 */
export function pyStrCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    // The first unit that differs decides. After a shared high surrogate, the characters there are that
    // surrogate paired (a code point ≥ U+10000) or alone: compare those first.
    const h = i > 0 ? a.charCodeAt(i - 1) : 0;
    if (h >= 0xd800 && h <= 0xdbff) {
      const d = (a.codePointAt(i - 1) as number) - (b.codePointAt(i - 1) as number);
      if (d !== 0) return d;
    }
    return (a.codePointAt(i) as number) - (b.codePointAt(i) as number);
  }
  return a.length - b.length;
}
