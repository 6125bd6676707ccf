/**
 * Token patterns of the original grammar (research/nflex.md §5.1). The number pattern keeps the original's
 * typo: `(:?` was meant to be `(?:`, so an optional colon may precede the fraction and the exponent.
 */
export const NUMBER = /\p{Nd}+(?::?\.\p{Nd}*)?(?::?[eE][+-]?\p{Nd}+)?/uy;
export const IDENTIFIER = /[A-Za-z][A-Za-z0-9_]*/y;

// pyparsing's Keyword.DEFAULT_KEYWORD_CHARS, upper-cased as its caseless match does.
const KEYWORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$";

/** pyparsing's default whitespace: space, tab, LF, CR. */
export function skipSpaces(text: string, index: number): number {
  let i = index;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else return i;
  }
}

/**
 * pyparsing 2.2 `CaselessKeyword` at `index`: the next `word.length` characters upper-case to `word` and the
 * character after them, upper-cased, is not a keyword character. The previous character is not checked, so
 * `1if` and `2ELSE` match (pyparsing ≥ 2.3.1 rejects them). Returns the end index or -1.
 */
export function matchKeyword(text: string, index: number, word: string): number {
  const end = index + word.length;
  if (text.slice(index, end).toUpperCase() !== word) return -1;
  if (end < text.length && KEYWORD_CHARS.includes(text.charAt(end).toUpperCase())) return -1;
  return end;
}

/** pyparsing `CaselessLiteral` (used for NOT, AND, OR): no word-boundary check on either side. */
export function matchLiteral(text: string, index: number, word: string): number {
  const end = index + word.length;
  return text.slice(index, end).toUpperCase() === word ? end : -1;
}

/** Longest relational operator at `index`; `==` only where `allowDoubleEquals`. */
export function matchRelational(text: string, index: number, allowDoubleEquals: boolean): string | undefined {
  const two = text.slice(index, index + 2);
  if (two === ">=" || two === "<=" || two === "!=" || (allowDoubleEquals && two === "==")) return two;
  const one = text.charAt(index);
  return one === ">" || one === "<" || one === "=" ? one : undefined;
}
