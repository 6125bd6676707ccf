import type { ScalarTag, Tags } from "yaml";

/**
 * PyYAML `safe_load` resolves plain scalars with its own YAML 1.1 patterns, which differ from the `yaml`
 * library's 1.1 schema in a few places the vectors exercise: `y`/`n` stay strings, `1e3` is a string (a float
 * needs a dot, and an exponent needs a sign), `09` is a string, and a date needs two-digit month and day.
 * These tags replace the library's bool, int, float and timestamp tags with PyYAML's resolvers.
 */

const TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;

const bool: ScalarTag = {
  tag: "tag:yaml.org,2002:bool",
  default: true,
  identify: (value) => typeof value === "boolean",
  test: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  resolve: (text) => TRUE.test(text),
};

function sexagesimal(parts: readonly number[]): number {
  return parts.reduce((acc, part) => acc * 60 + part, 0);
}

function splitSign(text: string): { sign: number; body: string } {
  const clean = text.replaceAll("_", "");
  const sign = clean.startsWith("-") ? -1 : 1;
  return { sign, body: /^[+-]/.test(clean) ? clean.slice(1) : clean };
}

function bigOrNumber(sign: number, digits: string, radix: number): number | bigint {
  const prefix = radix === 2 ? "0b" : radix === 8 ? "0o" : radix === 16 ? "0x" : "";
  const value = BigInt(prefix + (digits === "" ? "0" : digits)) * BigInt(sign);
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}

const int: ScalarTag = {
  tag: "tag:yaml.org,2002:int",
  default: true,
  identify: (value) => typeof value === "bigint" || Number.isInteger(value),
  test: /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  resolve: (text) => {
    const { sign, body } = splitSign(text);
    if (body === "0") return 0;
    if (body.startsWith("0b")) return bigOrNumber(sign, body.slice(2), 2);
    if (body.startsWith("0x")) return bigOrNumber(sign, body.slice(2), 16);
    if (body.startsWith("0")) return bigOrNumber(sign, body, 8);
    if (body.includes(":")) return sign * sexagesimal(body.split(":").map(Number));
    return bigOrNumber(sign, body, 10);
  },
};

const float: ScalarTag = {
  tag: "tag:yaml.org,2002:float",
  default: true,
  identify: (value) => typeof value === "number",
  test: /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  resolve: (text) => {
    const { sign, body } = splitSign(text.toLowerCase());
    if (body === ".inf") return sign * Infinity;
    if (body === ".nan") return Number.NaN;
    if (body.includes(":")) return sign * sexagesimal(body.split(":").map(Number));
    return sign * Number(body);
  },
};

const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$/;

const timestamp: ScalarTag = {
  tag: "tag:yaml.org,2002:timestamp",
  default: true,
  identify: (value) => value instanceof Date,
  test: /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
  resolve: (text, onError) => {
    const m = TIMESTAMP.exec(text)!;
    const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) =>
      Number(m[i] ?? 0),
    ) as number[];
    const ms = Number(`0.${m[7] ?? ""}0`) * 1000;
    let time = Date.UTC(year!, month! - 1, day!, hour, minute, second, Math.floor(ms));
    if (m[9] !== undefined)
      time -= (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0)) * 60_000;
    const date = new Date(time);
    // Python's date() rejects 2017-02-30; Date.UTC would roll it over.
    if (new Date(Date.UTC(year!, month! - 1, day!)).getUTCDate() !== day) onError(`invalid date ${text}`);
    return date;
  },
};

const REPLACED = new Set([bool.tag, int.tag, float.tag, timestamp.tag]);

/** The `yaml` library's YAML 1.1 tags with PyYAML's scalar resolvers swapped in. */
export function pyyamlTags(tags: Tags): Tags {
  return [...tags.filter((t) => typeof t === "string" || !REPLACED.has(t.tag)), bool, int, float, timestamp];
}
