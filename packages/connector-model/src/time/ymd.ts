import { DateParseError } from "../errors.js";

/** A reading the original makes silently that may hide a wrong time. @public */
export interface DateQuirk {
  /**
   * `ignored-zone`: a zone name such as `EST` is dropped and the time read as UTC;
   * `posix-sign`: `UTC+2` means two hours *behind* UTC; `month-first`: `04.02.2017` is April 2;
   * `two-digit-year`: `17` is placed within 50 years of now; `filled-from-now`: missing date
   * fields come from today's date.
   */
  kind: "ignored-zone" | "posix-sign" | "month-first" | "two-digit-year" | "filled-from-now";
  message: string;
  input: string;
  field: string;
}

/** dateutil's `_ymd`: the date numbers in order, with which one is known to be the year/month. @internal */
export class Ymd extends Array<number> {
  yearIndex: number | undefined;
  monthIndex: number | undefined;
  centurySpecified = false;

  append(value: string, label?: "Y" | "M"): void {
    let kind = label;
    if (label !== "M" && /^\d+$/.test(value) && value.length > 2) {
      this.centurySpecified = true;
      kind = "Y";
    }
    this.push(Number(value));
    if (kind === "M") this.monthIndex = this.length - 1;
    if (kind === "Y") {
      if (this.yearIndex !== undefined) throw new DateParseError("Year is already set", "value");
      this.yearIndex = this.length - 1;
    }
  }
}

interface Resolved {
  year?: number | undefined;
  month?: number | undefined;
  day?: number | undefined;
}

/** dateutil's `resolve_ymd` with dayfirst=False, yearfirst=False. @internal */
export function resolveYmd(
  ymd: Ymd,
  nowYear: number,
  quirks: Omit<DateQuirk, "input" | "field">[],
): Resolved {
  const r = order(ymd, quirks);
  if (r.year !== undefined && r.year < 100 && !ymd.centurySpecified) {
    // dateutil puts a two-digit year within 50 years of today.
    let year = r.year + Math.floor(nowYear / 100) * 100;
    if (year >= nowYear + 50) year -= 100;
    else if (year < nowYear - 50) year += 100;
    quirks.push({ kind: "two-digit-year", message: `two-digit year ${r.year} read as ${year}` });
    r.year = year;
  }
  return r;
}

function order(ymd: Ymd, quirks: Omit<DateQuirk, "input" | "field">[]): Resolved {
  const [a = 0, b = 0, c = 0] = ymd;
  const known = [ymd.yearIndex, ymd.monthIndex].filter((x) => x !== undefined).length;
  if (ymd.length > 3) throw new DateParseError("More than three YMD values", "value");
  if ((ymd.length === known && known > 0) || (ymd.length === 3 && known === 2)) {
    const y = ymd.yearIndex;
    const m = ymd.monthIndex;
    const d = ymd.length === 3 ? [0, 1, 2].find((i) => i !== y && i !== m) : undefined;
    return pick(ymd, y, m, d);
  }
  const mi = ymd.monthIndex;
  if (ymd.length === 1 || (mi !== undefined && ymd.length === 2)) {
    const month = mi === undefined ? undefined : ymd[mi];
    const other = mi === undefined ? a : ymd[mi === 0 ? 1 : 0];
    if (ymd.length > 1 || mi === undefined) {
      return (other as number) > 31 ? { year: other, month } : { day: other, month };
    }
    return { month };
  }
  if (ymd.length === 2) {
    if (a > 31) return { year: a, month: b };
    if (b > 31) return { month: a, year: b };
    return { month: a, day: b };
  }
  if (ymd.length === 3) {
    if (mi === 0) return b > 31 ? { month: a, year: b, day: c } : { month: a, day: b, year: c };
    if (mi === 1) return a > 31 ? { year: a, month: b, day: c } : { day: a, month: b, year: c };
    if (mi === 2) return b > 31 ? { day: a, year: b, month: c } : { year: a, day: b, month: c };
    if (a > 31 || ymd.yearIndex === 0) return { year: a, month: b, day: c };
    if (a > 12) return { day: a, month: b, year: c };
    if (b <= 12 && a !== b) {
      quirks.push({ kind: "month-first", message: `${a}/${b} is read month first (month ${a}, day ${b})` });
    }
    return { month: a, day: b, year: c };
  }
  return {};
}

function pick(ymd: Ymd, y?: number, m?: number, d?: number): Resolved {
  const r: Resolved = {};
  if (y !== undefined) r.year = ymd[y] as number;
  if (m !== undefined) r.month = ymd[m] as number;
  if (d !== undefined) r.day = ymd[d] as number;
  return r;
}
