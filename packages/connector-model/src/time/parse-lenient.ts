import { DateParseError } from "../errors.js";
import { civilFromDays, daysFromCivil, daysInMonth } from "./civil.js";
import { PreciseDateTime } from "./precise-datetime.js";
import { type DateQuirk, resolveYmd, Ymd } from "./ymd.js";

// The free-form reading of the original's `dateutil.parser.parse` (default settings: month
// first, year not first, not fuzzy) for what ISO cannot express: RFC 2822/850, asctime, US
// and day-first dates, month names, zone abbreviations and compact forms. dateutil is a
// tokenizer with positional rules rather than a grammar, so no date library reproduces its
// answers; this keeps its rules (dateutil/parser/_parser.py) and nothing else. Missing
// fields are filled from `now` at midnight, as dateutil fills them from today.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LONG_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const JUMP = new Set([
  " ",
  ".",
  ",",
  ";",
  "-",
  "/",
  "'",
  "at",
  "on",
  "and",
  "ad",
  "m",
  "t",
  "of",
  "st",
  "nd",
  "rd",
  "th",
]);
const UTC_ZONES = new Set(["UTC", "GMT", "Z", "z"]);

function monthOf(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((m) => w === m || (w.length > 3 && m.startsWith(w.slice(0, 3)) && fullMonth(w)));
  return i < 0 ? null : i + 1;
}
const FULL_MONTHS =
  "january february march april may june july august september sept october november december";
const fullMonth = (w: string) => FULL_MONTHS.split(" ").includes(w);
const weekdayOf = (word: string) => {
  const w = word.toLowerCase();
  const i = WEEKDAYS.indexOf(w);
  return i >= 0 ? i : LONG_WEEKDAYS.indexOf(w) >= 0 ? LONG_WEEKDAYS.indexOf(w) : null;
};
const ampmOf = (word: string) => {
  const w = word.toLowerCase();
  return w === "am" || w === "a" ? 0 : w === "pm" || w === "p" ? 1 : null;
};
const isNumber = (t: string | undefined) => t !== undefined && /^\d+(\.\d+)?$/.test(t);
const isJump = (t: string | undefined) => t === undefined || /^\s+$/.test(t) || JUMP.has(t.toLowerCase());

/** dateutil's timelex: runs of digits (one decimal point kept, more split), letters, spaces, single marks. */
function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const token of text.match(/\d+(?:\.\d+)*|[A-Za-z]+|\s+|./gs) ?? []) {
    if (/^\d/.test(token) && token.split(".").length > 2) {
      token.split(".").forEach((part, i) => {
        if (i > 0) out.push(".");
        out.push(part);
      });
    } else out.push(token);
  }
  return out;
}

interface Parsed {
  hour?: number;
  minute?: number;
  second?: number;
  microsecond?: number;
  ampm?: number;
  weekday?: number;
  tzname?: string | undefined;
  offset?: number | null | undefined;
}

/** Seconds with a fraction, truncated to microseconds like dateutil's `_parsems`. */
function setSeconds(res: Parsed, token: string): void {
  const [whole, frac = ""] = token.split(".");
  res.second = Number(whole);
  res.microsecond = Number(frac.padEnd(6, "0").slice(0, 6));
}

/**
 * Reads text the way the original's dateutil does. Throws {@link DateParseError} (the
 * original's `ParserError`) naming `field`. `onQuirk` hears of readings that may hide a wrong
 * time (an ignored zone name, a POSIX-signed offset, an ambiguous month-first date, gaps filled
 * from `now`). @internal
 */
export function parseLenient(
  text: string,
  now: PreciseDateTime,
  field: string,
  onQuirk?: (quirk: DateQuirk) => void,
): PreciseDateTime {
  const unknown = (): never => {
    throw new DateParseError(`Unknown string format: ${text}`, field);
  };
  const tokens = tokenize(text);
  const ymd = new Ymd();
  const res: Parsed = {};
  const quirks: Omit<DateQuirk, "input" | "field">[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (isNumber(t)) {
      i = numeric(tokens, i, ymd, res, unknown);
      continue;
    }
    const wd = weekdayOf(t);
    const month = monthOf(t);
    const ampm = ampmOf(t);
    if (wd !== null) res.weekday = wd;
    else if (month !== null) ymd.append(String(month), "M");
    else if (ampm !== null && res.hour !== undefined && res.ampm === undefined) {
      if (res.hour > 12) unknown();
      res.hour = adjustAmpm(res.hour, ampm);
      res.ampm = ampm;
    } else if (couldBeTzname(res, t)) {
      res.tzname = t;
      res.offset = UTC_ZONES.has(t) ? 0 : null;
      const sign = tokens[i + 1];
      if (sign === "+" || sign === "-") {
        // POSIX: "UTC+3" means "3 hours behind UTC", so dateutil flips the sign.
        tokens[i + 1] = sign === "+" ? "-" : "+";
        res.offset = undefined;
        if (UTC_ZONES.has(t)) res.tzname = undefined;
        quirks.push({
          kind: "posix-sign",
          message: `'${t}${sign}…' follows POSIX: the offset's sign is reversed`,
        });
      } else if (res.offset === null) {
        quirks.push({
          kind: "ignored-zone",
          message: `zone '${t}' is not known and is ignored (read as UTC)`,
        });
      }
    } else if (res.hour !== undefined && (t === "+" || t === "-") && isNumber(tokens[i + 1])) {
      i = offset(tokens, i, res, unknown);
      // "-0500 (EST)": the name in parentheses only repeats the offset.
      if (tokens[i + 2] === "(" && tokens[i + 4] === ")" && /^[A-Za-z]{3,5}$/.test(tokens[i + 3] ?? ""))
        i += 4;
    } else if (!isJump(t)) unknown();
  }
  return build(text, field, now, ymd, res, quirks, onQuirk);
}

function couldBeTzname(res: Parsed, t: string): boolean {
  return (
    res.hour !== undefined &&
    res.tzname === undefined &&
    res.offset === undefined &&
    t.length <= 5 &&
    (UTC_ZONES.has(t) || /^[A-Z]+$/.test(t))
  );
}

function adjustAmpm(hour: number, ampm: number): number {
  if (hour < 12 && ampm === 1) return hour + 12;
  if (hour === 12 && ampm === 0) return 0;
  return hour;
}

function offset(tokens: string[], i: number, res: Parsed, unknown: () => never): number {
  const sign = tokens[i] === "+" ? 1 : -1;
  const v = tokens[i + 1] as string;
  let hours: number;
  let minutes = 0;
  let next = i + 1;
  if (v.length === 4) {
    hours = Number(v.slice(0, 2));
    minutes = Number(v.slice(2));
  } else if (tokens[i + 2] === ":" && isNumber(tokens[i + 3])) {
    hours = Number(v);
    minutes = Number(tokens[i + 3]);
    next = i + 3;
  } else if (v.length <= 2) hours = Number(v);
  else return unknown();
  res.offset = sign * (hours * 3600 + minutes * 60);
  return next;
}

/** dateutil's `_parse_numeric_token`; returns the index of the last token consumed. */
function numeric(tokens: string[], i: number, ymd: Ymd, res: Parsed, unknown: () => never): number {
  const s = tokens[i] as string;
  const len = s.length;
  const next = tokens[i + 1];
  const hasFraction = s.includes(".");
  if (ymd.length === 3 && (len === 2 || len === 4) && res.hour === undefined && next !== ":") {
    res.hour = Number(s.slice(0, 2)); // HH[MM] after a complete date: 20170204T1200
    if (len === 4) res.minute = Number(s.slice(2));
  } else if (len === 6 || (len > 6 && s.indexOf(".") === 6)) {
    if (ymd.length === 0 && !hasFraction) {
      ymd.append(s.slice(0, 2)); // YYMMDD
      ymd.append(s.slice(2, 4));
      ymd.append(s.slice(4));
    } else {
      res.hour = Number(s.slice(0, 2)); // HHMMSS[.ss]
      res.minute = Number(s.slice(2, 4));
      setSeconds(res, s.slice(4));
    }
  } else if (len === 8 || len === 12 || len === 14) {
    if (hasFraction) unknown(); // dateutil fails to read "1486209600.5" as YYYYMMDDHHMM
    ymd.append(s.slice(0, 4), "Y");
    ymd.append(s.slice(4, 6));
    ymd.append(s.slice(6, 8));
    if (len > 8) {
      res.hour = Number(s.slice(8, 10));
      res.minute = Number(s.slice(10, 12));
    }
    if (len > 12) res.second = Number(s.slice(12));
  } else if (next === ":") {
    if (hasFraction || !isNumber(tokens[i + 2])) unknown();
    res.hour = Number(s);
    res.minute = Number(tokens[i + 2]);
    if (tokens[i + 3] === ":" && isNumber(tokens[i + 4])) {
      setSeconds(res, tokens[i + 4] as string);
      return i + 4;
    }
    return i + 2;
  } else if (hasFraction) unknown();
  else if (isJump(next) && ampmOf(tokens[i + 2] ?? "") === null) ymd.append(s);
  else if (ampmOf(next ?? "") !== null || (isJump(next) && ampmOf(tokens[i + 2] ?? "") !== null)) {
    const at = ampmOf(next ?? "") !== null ? i + 1 : i + 2;
    const hour = Number(s);
    if (hour > 12) unknown();
    res.hour = adjustAmpm(hour, ampmOf(tokens[at] as string) as number);
    res.ampm = 1;
    return at;
  } else if (Number(s) <= 31 && ymd.length < 3) ymd.append(s);
  else unknown();
  return i;
}

function build(
  text: string,
  field: string,
  now: PreciseDateTime,
  ymd: Ymd,
  res: Parsed,
  quirks: Omit<DateQuirk, "input" | "field">[],
  onQuirk?: (quirk: DateQuirk) => void,
): PreciseDateTime {
  if (ymd.length === 0 && res.hour === undefined && res.weekday === undefined) {
    throw new DateParseError(`String does not contain a date: ${text}`, field);
  }
  const r = resolveYmd(ymd, now.year, quirks);
  const bad = (what: string): never => {
    throw new DateParseError(`${what}: ${text}`, field);
  };
  const year = r.year ?? now.year;
  const month = r.month ?? now.month;
  if (year < 1 || year > 9999) bad(`year ${year} is out of range`);
  if (month < 1 || month > 12) bad("month must be in 1..12");
  let day = r.day ?? Math.min(now.day, daysInMonth(year, month));
  if (r.day === undefined && res.weekday !== undefined) {
    // dateutil applies a lone weekday as relativedelta(weekday=…): that day or the next one.
    const days = daysFromCivil(year, month, day);
    const weekday = (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday (Monday = 0)
    const [y, m, d] = civilFromDays(days + ((res.weekday - weekday + 7) % 7));
    return finish(y, m, d);
  }
  if (day < 1 || day > daysInMonth(year, month)) bad("day is out of range for month");
  if ((res.hour ?? 0) > 23) bad("hour must be in 0..23");
  if ((res.minute ?? 0) > 59) bad("minute must be in 0..59");
  if ((res.second ?? 0) > 59) bad("second must be in 0..59");
  if (r.year === undefined || r.month === undefined || r.day === undefined) {
    quirks.push({ kind: "filled-from-now", message: "missing date fields were taken from today's date" });
  }
  return finish(year, month, day);

  function finish(y: number, m: number, d: number): PreciseDateTime {
    day = d;
    for (const quirk of quirks) onQuirk?.({ ...quirk, input: text, field });
    return new PreciseDateTime({
      year: y,
      month: m,
      day,
      hour: res.hour ?? 0,
      minute: res.minute ?? 0,
      second: res.second ?? 0,
      microsecond: res.microsecond ?? 0,
      offsetSeconds: res.offset ?? null,
    });
  }
}
