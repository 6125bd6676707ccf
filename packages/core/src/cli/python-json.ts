/**
 * Python's `json.dump(data, indent=2 | None)` as cliff's json formatter calls it: `ensure_ascii` (every
 * non-ASCII character as `\uXXXX`, astral ones as a surrogate pair), `", "` and `": "` separators without
 * indent, and Python's float spelling (`1e-07`, `1e+16`). An integer-valued number prints as an int: JSON
 * cannot tell `1` from `1.0`, and the servers meterkit reads send integers for both.
 */
import { pyFloatRepr } from "../python/repr.js";

function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ch = text[i] as string;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `json.dumps(value, indent=indent)`: the text cliff prints before its newline. @internal */
export function pythonJson(value: unknown, indent: number | undefined, depth = 0): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return Number.isInteger(value) ? value.toFixed(0) : pyFloatRepr(value);
  }
  if (typeof value === "bigint") return String(value);
  if (typeof value === "string") return quote(value);
  const nl = indent === undefined ? "" : `\n${" ".repeat(indent * (depth + 1))}`;
  const end = indent === undefined ? "" : `\n${" ".repeat(indent * depth)}`;
  const sep = indent === undefined ? ", " : ",";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${nl}${value.map((v) => pythonJson(v, indent, depth + 1)).join(sep + nl)}${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const items = entries.map(([k, v]) => `${quote(k)}: ${pythonJson(v, indent, depth + 1)}`);
  return `{${nl}${items.join(sep + nl)}${end}}`;
}
