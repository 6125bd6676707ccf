import { InvalidValueError } from "../errors.js";
import { daysInMonth } from "./civil.js";
import { PreciseDateTime } from "./precise-datetime.js";

// Python 3.11's `_strptime` patterns: alternatives are tried in order and the match is anchored
// at the start only, exactly as `re.match`; trailing text is then an error of its own.
const DIRECTIVES: Record<string, string> = {
  d: "(3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])",
  f: "([0-9]{1,6})",
  H: "(2[0-3]|[0-1]\\d|\\d)",
  I: "(1[0-2]|0[1-9]|[1-9])",
  m: "(1[0-2]|0[1-9]|[1-9])",
  M: "([0-5]\\d|\\d)",
  S: "(6[0-1]|[0-5]\\d|\\d)",
  y: "(\\d\\d)",
  Y: "(\\d\\d\\d\\d)",
  z: "([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)",
  p: "(am|pm)",
  b: "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
  B: "(january|february|march|april|may|june|july|august|september|october|november|december)",
  a: "(mon|tue|wed|thu|fri|sat|sun)",
  A: "(monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
};
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const compiled = new Map<string, { regex: RegExp; names: string[] }>();

function compile(format: string): { regex: RegExp; names: string[] } {
  const cached = compiled.get(format);
  if (cached !== undefined) return cached;
  const names: string[] = [];
  let source = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === "%") {
      const directive = format[i + 1];
      i += 1;
      if (directive === "%") source += "%";
      else if (directive !== undefined && DIRECTIVES[directive] !== undefined) {
        source += DIRECTIVES[directive];
        names.push(directive);
      } else if (directive === undefined) {
        throw new InvalidValueError(`stray % in format '${format}'`, "timeFormat");
      } else
        throw new InvalidValueError(
          `'${directive}' is a bad directive in format '%${directive}'`,
          "timeFormat",
        );
    } else if (/\s/.test(ch)) {
      while (i + 1 < format.length && /\s/.test(format[i + 1]!)) i += 1;
      source += "\\s+";
    } else source += ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }
  const entry = { regex: new RegExp(`^(?:${source})`, "i"), names };
  compiled.set(format, entry);
  return entry;
}

/**
 * Python's `datetime.strptime(text, format)` for the directives connectors use:
 * `%Y %y %m %d %H %I %M %S %f %z %p %b %B %a %A %%`. Missing fields default to 1900-01-01 00:00.
 * A `%z` gives an aware value. Throws {@link InvalidValueError} as Python raises `ValueError`.
 * @public
 */
export function strptime(text: string, format: string, field = "value"): PreciseDateTime {
  const { regex, names } = compile(format);
  const m = regex.exec(text);
  if (m === null) {
    throw new InvalidValueError(`time data '${text}' does not match format '${format}'`, field);
  }
  if (m[0].length !== text.length) {
    throw new InvalidValueError(`unconverted data remains: ${text.slice(m[0].length)}`, field);
  }
  let year = 1900;
  let month = 1;
  let day = 1;
  let hour = 0;
  let hour12: number | undefined;
  let pm: boolean | undefined;
  let minute = 0;
  let second = 0;
  let microsecond = 0;
  let offsetSeconds: number | null = null;
  names.forEach((name, index) => {
    const value = m[index + 1]!;
    switch (name) {
      case "Y":
        year = Number(value);
        break;
      case "y":
        year = Number(value) + (Number(value) < 69 ? 2000 : 1900);
        break;
      case "m":
        month = Number(value);
        break;
      case "b":
      case "B":
        month = MONTHS.indexOf(value.slice(0, 3).toLowerCase()) + 1;
        break;
      case "d":
        day = Number(value);
        break;
      case "H":
        hour = Number(value);
        break;
      case "I":
        hour12 = Number(value);
        break;
      case "p":
        pm = value.toLowerCase() === "pm";
        break;
      case "M":
        minute = Number(value);
        break;
      case "S":
        second = Number(value);
        break;
      case "f":
        microsecond = Number(value.padEnd(6, "0"));
        break;
      case "z":
        offsetSeconds = parseOffset(value);
        break;
    }
  });
  if (hour12 !== undefined) hour = (hour12 % 12) + (pm === true ? 12 : 0);
  if (day > daysInMonth(year, month)) throw new InvalidValueError("day is out of range for month", field);
  if (second > 59) throw new InvalidValueError("second must be in 0..59", field);
  return new PreciseDateTime({ year, month, day, hour, minute, second, microsecond, offsetSeconds });
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === "Z") return 0;
  const digits = text.slice(1).replaceAll(":", "");
  const seconds =
    Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4)) * 60 + Number(digits.slice(4, 6) || 0);
  return text[0] === "-" ? -seconds : seconds;
}
