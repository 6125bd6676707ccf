/** Exact sums of decimal strings (CloudKitty's prices carry 27 decimals, more than a double holds). */

interface Dec {
  units: bigint;
  scale: number;
}

function parse(text: string): Dec {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === ""))
    throw new Error(`[@meterkit/demo] not a decimal number: ${JSON.stringify(text)}`);
  const digits = `${m[2]}${m[3] ?? ""}` || "0";
  let scale = (m[3] ?? "").length - Number(m[4] ?? 0);
  let units = BigInt(digits);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: m[1] === "-" ? -units : units, scale };
}

function rescale(d: Dec, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** The exact sum, with as many decimals as the most precise term. */
export function decimalSum(values: readonly string[]): string {
  const parsed = values.map(parse);
  const scale = Math.max(0, ...parsed.map((d) => d.scale));
  return format(
    parsed.reduce((sum, d) => sum + rescale(d, scale), 0n),
    scale,
  );
}

/** Numeric equality of two decimal strings (`"1.50"` equals `"1.5"` and `"15E-1"`). */
export function decimalEquals(a: string, b: string): boolean {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return rescale(x, scale) === rescale(y, scale);
}

/** For display: rounded to `places` decimals (half away from zero). */
export function decimalRound(value: string, places = 2): string {
  const d = parse(value);
  if (d.scale <= places) return format(rescale(d, places), places);
  const factor = 10n ** BigInt(d.scale - places);
  const half = factor / 2n;
  const rounded = d.units >= 0n ? (d.units + half) / factor : -((-d.units + half) / factor);
  return format(rounded, places);
}
