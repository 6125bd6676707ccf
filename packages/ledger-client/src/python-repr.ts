/**
 * Python's `repr()` of JSON values. The reference shows server validation errors (`{'name': 'expected str'}`)
 * and the CLI's Properties column this way, so we reproduce it for identical messages and tables.
 */

/** `repr()` of a JSON value as Python prints it. @internal */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : floatRepr(value);
  if (typeof value === "string") return stringRepr(value);
  if (value instanceof Date) return stringRepr(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  if (typeof value === "object") {
    const items = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${stringRepr(k)}: ${pythonRepr(v)}`,
    );
    return `{${items.join(", ")}}`;
  }
  return stringRepr(String(value));
}

function floatRepr(n: number): string {
  const text = String(n);
  return /[.eE]/.test(text) || !Number.isFinite(n) ? text : `${text}.0`;
}

// Python picks single quotes unless the text contains one and no double quote.
function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of text) {
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch < " " || ch === "\x7f") out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}
