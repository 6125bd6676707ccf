/**
 * PyYAML's `yaml.safe_dump(data, default_flow_style=False)` as cliff's yaml formatter calls it, for the data
 * a CLI prints (scalars, and lists and mappings of them, nested): keys sorted, block style, 80-column
 * folding, and PyYAML's choice of scalar style (`yaml/emitter.py` `analyze_scalar`, `choose_scalar_style`):
 * a string that would read back as another type (`'512'`, `'true'`, `'null'`, `''`, a date) is quoted. Loaded
 * only when `-f yaml` is asked for. Keys are assumed short single-line strings (PyYAML's "simple keys").
 */
import { pyStrCompare } from "../python/order.js";
import { pyFloatRepr } from "../python/repr.js";

/** PyYAML's implicit resolvers (`yaml/resolver.py`): a plain scalar matching one is not a string. */
const IMPLICIT = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];
/** Python's `$` also matches before one final newline. */
const resolvesToOther = (s: string) => IMPLICIT.some((re) => re.test(s.endsWith("\n") ? s.slice(0, -1) : s));

const BREAKS = "\n\x85\u2028\u2029";
const SPACEY = `\0 \t\r${BREAKS}`;

interface Analysis {
  empty: boolean;
  multiline: boolean;
  plain: boolean;
  single: boolean;
}

/** `Emitter.analyze_scalar` for block context, `allow_unicode=False`. */
function analyze(s: string): Analysis {
  if (s === "") return { empty: true, multiline: false, plain: true, single: true };
  const chars = [...s];
  let block = s.startsWith("---") || s.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let [leadSpace, leadBreak, trailSpace, trailBreak, breakSpace, spaceBreak] = [0, 0, 0, 0, 0, 0].map(
    () => false,
  ) as boolean[];
  let precededBySpace = true;
  let followedBySpace = chars.length === 1 || SPACEY.includes(chars[1] as string);
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) block = true;
      if ("?:".includes(ch) && followedBySpace) block = true;
      if (ch === "-" && followedBySpace) block = true;
    } else {
      if (ch === ":" && followedBySpace) block = true;
      if (ch === "#" && precededBySpace) block = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    const code = ch.codePointAt(0) as number;
    if (!(ch === "\n" || (code >= 0x20 && code <= 0x7e))) special = true;
    if (ch === " ") {
      if (i === 0) leadSpace = true;
      if (i === chars.length - 1) trailSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (i === 0) leadBreak = true;
      if (i === chars.length - 1) trailBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededBySpace = SPACEY.includes(ch);
    followedBySpace = i + 2 >= chars.length || SPACEY.includes(chars[i + 2] as string);
  }
  let plain = !(leadSpace || leadBreak || trailSpace || trailBreak || lineBreaks || block);
  let single = true;
  if (breakSpace) plain = single = false;
  if (spaceBreak || special) plain = single = false;
  return { empty: false, multiline: lineBreaks, plain, single };
}

/** The emitter's position: what `write_indent` and the 80-column folding need. */
class Writer {
  out = "";
  column = 0;
  whitespace = true;
  indention = true;
  write(text: string): void {
    this.out += text;
    this.column += [...text].length;
  }
  lineBreak(): void {
    this.out += "\n";
    this.column = 0;
    this.whitespace = this.indention = true;
  }
  indent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.lineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(" ".repeat(indent - this.column));
    }
  }
  indicator(text: string, needSpace: boolean, indention = false): void {
    this.write(this.whitespace || !needSpace ? text : ` ${text}`);
    this.whitespace = false;
    this.indention = this.indention && indention;
  }
  /** `write_line_break` for each break of a run, one more before a `\n`, then the indent. */
  breaks(run: string, indent: number): void {
    if (run[0] === "\n") this.lineBreak();
    for (const _ of run) this.lineBreak();
    this.indent(indent);
  }
}

/** `write_plain` and `write_single_quoted`: a space past column 80 becomes a line break (`split`). */
function writeFolded(w: Writer, text: string, indent: number, split: boolean, quote: boolean): void {
  const chars = [...text];
  let spaces = false;
  let breaks = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== " ") {
        const inside = !quote || (start !== 0 && end !== chars.length);
        if (start + 1 === end && w.column > 80 && split && inside) {
          w.indent(indent);
          if (!quote) w.whitespace = w.indention = false;
        } else w.write(chars.slice(start, end).join(""));
        start = end;
      }
    } else if (breaks) {
      if (ch === undefined || !BREAKS.includes(ch)) {
        w.breaks(chars.slice(start, end).join(""), indent);
        if (!quote) w.whitespace = w.indention = false;
        start = end;
      }
    } else if (ch === undefined || ` ${BREAKS}`.includes(ch) || (quote && ch === "'")) {
      if (start < end) w.write(chars.slice(start, end).join(""));
      start = end;
    }
    if (quote && ch === "'") {
      w.write("''");
      start = end + 1;
    }
    if (ch !== undefined) {
      spaces = ch === " ";
      breaks = BREAKS.includes(ch);
    }
  }
}

const ESCAPES: Record<string, string> = {
  "\0": "0",
  "\x07": "a",
  "\b": "b",
  "\t": "t",
  "\n": "n",
  "\v": "v",
  "\f": "f",
  "\r": "r",
  "\x1b": "e",
  '"': '"',
  "\\": "\\",
  "\x85": "N",
  "\xa0": "_",
  "\u2028": "L",
  "\u2029": "P",
};

/** `write_double_quoted` (`allow_unicode=False`): escapes, and a `\` line continuation past column 80. */
function writeDoubleQuoted(w: Writer, text: string, indent: number, split: boolean): void {
  w.indicator('"', true);
  const chars = [...text];
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    const code = ch?.codePointAt(0) ?? 0;
    if (ch === undefined || '"\\\x85\u2028\u2029\ufeff'.includes(ch) || code < 0x20 || code > 0x7e) {
      if (start < end) w.write(chars.slice(start, end).join(""));
      if (ch !== undefined) {
        const hex = (n: number) => code.toString(16).toUpperCase().padStart(n, "0");
        const escaped =
          ESCAPES[ch] ?? (code <= 0xff ? `x${hex(2)}` : code <= 0xffff ? `u${hex(4)}` : `U${hex(8)}`);
        w.write(`\\${escaped}`);
      }
      start = end + 1;
    }
    if (
      end > 0 &&
      end < chars.length - 1 &&
      (ch === " " || start >= end) &&
      w.column + (end - start) > 80 &&
      split
    ) {
      w.write(`${chars.slice(start, end).join("")}\\`);
      if (start < end) start = end;
      w.indent(indent);
      w.whitespace = w.indention = false;
      if (chars[start] === " ") w.write("\\");
    }
  }
  w.indicator('"', false);
}

/** One scalar: `represent_*`, then `choose_scalar_style` and the writer. */
function writeScalar(w: Writer, value: unknown, indent: number, simpleKey: boolean): boolean {
  if (value === null || value === undefined) return writeScalarText(w, "null", indent, simpleKey, true);
  if (typeof value === "boolean") return writeScalarText(w, String(value), indent, simpleKey, true);
  if (typeof value === "number") {
    const text = Number.isNaN(value)
      ? ".nan"
      : !Number.isFinite(value)
        ? `${value < 0 ? "-" : ""}.inf`
        : Number.isInteger(value)
          ? value.toFixed(0)
          : pyFloatRepr(value)
              .toLowerCase()
              .replace(/^([^.e]*)e/, "$1.0e");
    return writeScalarText(w, text, indent, simpleKey, true);
  }
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return writeScalarText(w, text, indent, simpleKey, !resolvesToOther(text));
}

function writeScalarText(
  w: Writer,
  text: string,
  indent: number,
  simpleKey: boolean,
  implicit: boolean,
): boolean {
  const a = analyze(text);
  const split = !simpleKey;
  if (implicit && !(simpleKey && (a.empty || a.multiline)) && a.plain) {
    if (text === "") return true;
    if (!w.whitespace) w.write(" ");
    w.whitespace = w.indention = false;
    writeFolded(w, text, indent, split, false);
    return true;
  }
  if (a.single && !(simpleKey && a.multiline)) {
    w.indicator("'", true);
    writeFolded(w, text, indent, split, true);
    w.indicator("'", false);
  } else writeDoubleQuoted(w, text, indent, split);
  return false;
}

const simpleKey = (key: string) => key !== "" && [...key].length < 128 && !analyze(key).multiline;
const isCollection = (v: unknown): v is object => typeof v === "object" && v !== null;
const isEmpty = (v: object) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

/**
 * One node, as PyYAML's `expect_node` writes it: `parent` is the enclosing collection's indent (`null` at the
 * root), `context` where the node sits. Returns whether a plain scalar was written (the root then ends `...`).
 */
function writeNode(
  w: Writer,
  value: unknown,
  parent: number | null,
  context: "root" | "seq" | "map",
): boolean {
  if (!isCollection(value)) return writeScalar(w, value, parent === null ? 2 : parent + 2, false);
  if (isEmpty(value)) {
    w.indicator(Array.isArray(value) ? "[]" : "{}", true);
    return false;
  }
  if (Array.isArray(value)) {
    // A sequence that is a mapping's value is not indented further (PyYAML's "indentless" sequence).
    const indentless = context === "map" && !w.indention;
    const indent = parent === null ? 0 : indentless ? parent : parent + 2;
    for (const item of value) {
      w.indent(indent);
      w.indicator("-", true, true);
      writeNode(w, item, indent, "seq");
    }
    return false;
  }
  const indent = parent === null ? 0 : parent + 2;
  for (const key of Object.keys(value).sort(pyStrCompare)) {
    w.indent(indent);
    if (simpleKey(key)) {
      writeScalar(w, key, indent + 2, true);
      w.indicator(":", false);
    } else {
      // `check_simple_key` fails (empty, multi-line or 128 characters and more): `? key` then `: value`.
      w.indicator("?", true, true);
      writeNode(w, key, indent, "map");
      w.indent(indent);
      w.indicator(":", true, true);
    }
    writeNode(w, (value as Record<string, unknown>)[key], indent, "map");
  }
  return false;
}

/** `yaml.safe_dump(data, default_flow_style=False)`. @internal */
export function safeDump(data: unknown): string {
  const w = new Writer();
  const open = writeNode(w, data, null, "root");
  w.indent(0);
  if (open) {
    w.indicator("...", true);
    w.indent(0);
  }
  return w.out;
}
