/**
 * The server's date handling: bodies are parsed leniently (python-dateutil: `2017-05-10 01:02:03`,
 * offsets, naive = UTC), query periods strictly (`%Y-%m-%d %H:%M:%S.%f`), update fields strictly
 * (`%Y-%m-%dT%H:%M:%S.%fZ`); MongoDB keeps milliseconds; responses print Python's `str(datetime)`.
 */

const LENIENT =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;
const QUERY = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{1,6})$/;
const UPDATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{1,6})Z$/;

function build(m: RegExpExecArray, zone?: string): number | undefined {
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = ""] = m;
  const ms = Number(frac.padEnd(3, "0").slice(0, 3)); // MongoDB stores milliseconds
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(t);
  if (Number.isNaN(t) || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(s) > 59)
    return undefined;
  if (!zone || /^(Z|UTC)$/i.test(zone)) return t;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return t - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0")) * 60_000;
}

/** A body date (`created_at`, `date`, `start`…); `undefined` when dateutil would fail. */
export function parseBodyDate(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const m = LENIENT.exec(value.trim());
  return m ? build(m, m[8]) : undefined;
}

/** A `start`/`end` query value; `undefined` when `strptime` would fail. */
export function parseQueryDate(value: string): number | undefined {
  const m = QUERY.exec(value);
  return m ? build(m) : undefined;
}

/** True when voluptuous' `Datetime()` accepts the text. */
export function isUpdateDate(value: unknown): value is string {
  return (
    typeof value === "string" &&
    UPDATE.test(value) &&
    build(UPDATE.exec(value) as RegExpExecArray) !== undefined
  );
}

/** Python's `str()` of an aware UTC datetime: `2017-05-15 18:31:42.123000+00:00`, no fraction when zero. */
export function pythonDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  const fraction = iso.slice(20, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction === "000" ? "" : `.${fraction}000`}+00:00`;
}
