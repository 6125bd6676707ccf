/**
 * Python's `textwrap.fill(text, width)` with its defaults (CPython 3.11 `Lib/textwrap.py`), which prettytable
 * uses to wrap a cell wider than its column under cliff's `--max-width`: tabs expanded, whitespace made
 * spaces, words split after hyphens between letters (so a UUID breaks after `88bb-`), long words cut.
 */

const WS = "[\\t\\n\\x0b\\x0c\\r ]";
const NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
/** Python's `\w` (str patterns are Unicode), its `[^\d\W]` (a letter) and cliff's word punctuation. */
const W = "[\\p{L}\\p{N}_]";
const LT = "[\\p{L}\\p{Nl}\\p{No}_]";
const WP = "[\\p{L}\\p{N}_!\"'&.,?]";
const WORDSEP = new RegExp(
  `(${WS}+|(?<=${WP})-{2,}(?=${W})|${NWS}+?(?:-(?:(?<=${LT}{2}-)|(?<=${LT}-${LT}-))(?=${LT}-?${LT})|(?=${WS}|$)|(?<=${WP})(?=-{2,}${W})))`,
  "u",
);

const len = (s: string) => [...s].length;

/** `str.expandtabs()` then every whitespace character as one space (`_munge_whitespace`). */
function munge(text: string): string {
  let out = "";
  let column = 0;
  for (const ch of text) {
    if (ch === "\t") {
      const n = 8 - (column % 8);
      out += " ".repeat(n);
      column += n;
    } else if (ch === "\n" || ch === "\r") {
      out += " ";
      column = 0;
    } else {
      out += ch === "\v" || ch === "\f" ? " " : ch;
      column++;
    }
  }
  return out;
}

/** `re.split` with one capturing group: the pieces between matches and the matches, empty ones dropped. */
function chunksOf(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(WORDSEP.source, "gu");
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === "") {
      re.lastIndex++;
      continue;
    }
    out.push(text.slice(last, m.index), m[0]);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out.filter((c) => c !== "");
}

/** `TextWrapper._handle_long_word`: as much of the word as fits, after its last hyphen when there is one. */
function cutLongWord(chunks: string[], line: string[], used: number, width: number): void {
  const space = width < 1 ? 1 : width - used;
  const chunk = [...(chunks[chunks.length - 1] as string)];
  let end = space;
  if (chunk.length > space) {
    const hyphen = chunk.slice(0, space).lastIndexOf("-");
    if (hyphen > 0 && chunk.slice(0, hyphen).some((c) => c !== "-")) end = hyphen + 1;
  }
  line.push(chunk.slice(0, end).join(""));
  chunks[chunks.length - 1] = chunk.slice(end).join("");
}

/** `textwrap.fill(text, width)`. @internal */
export function pythonFill(text: string, width: number): string {
  const chunks = chunksOf(munge(text)).reverse();
  const lines: string[] = [];
  while (chunks.length > 0) {
    const line: string[] = [];
    let used = 0;
    if ((chunks[chunks.length - 1] as string).trim() === "" && lines.length > 0) chunks.pop();
    while (chunks.length > 0 && used + len(chunks[chunks.length - 1] as string) <= width) {
      const chunk = chunks.pop() as string;
      line.push(chunk);
      used += len(chunk);
    }
    if (chunks.length > 0 && len(chunks[chunks.length - 1] as string) > width) {
      cutLongWord(chunks, line, used, width);
    }
    if (line.length > 0 && (line[line.length - 1] as string).trim() === "") line.pop();
    if (line.length > 0) lines.push(line.join(""));
  }
  return lines.join("\n");
}
