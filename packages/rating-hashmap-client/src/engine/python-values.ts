/**
 * How CloudKitty's Python sees a desc value we send as JSON: `str(value)` for mapping matches and
 * `Decimal(value)` for thresholds. We reason about the JSON text `JSON.stringify` produces, because that is
 * what Python parses: `4096` arrives as an int (`"4096"`), `0.5` as a float (`"0.5"`), `1e-7` as a float whose
 * `str` is `"1e-07"`.
 */
import { SdkError } from "@meterkit/core";
import { decFromFloat, decInt, type PyDecimal, parsePyDecimal } from "../decimal/py-decimal.js";
import type { DescValue } from "../usage.js";

/** The local engine met input the real server fails on (it answers 500 there). @public */
export class RatingEngineError extends SdkError {
  constructor(message: string) {
    super("rating_error", `[@meterkit/rating-hashmap-client] ${message}`);
  }
}

const INT_TEXT = /^-?\d+$/;

/** Python's `repr(float)`: shortest digits, exponent form below 1e-4 and from 1e16. */
function pyFloatRepr(x: number): string {
  const [mantissa = "0", expText = "0"] = x.toExponential().split("e");
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace(/^-/, "").replace(".", "");
  const decpt = Number(expText) + 1; // value = 0.DIGITS × 10^decpt
  let body: string;
  if (decpt <= -4 || decpt > 16) {
    const exp = decpt - 1;
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    body = `${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  } else if (decpt <= 0) {
    body = `0.${"0".repeat(-decpt)}${digits}`;
  } else if (decpt >= digits.length) {
    body = `${digits}${"0".repeat(decpt - digits.length)}.0`;
  } else {
    body = `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  return negative ? `-${body}` : body;
}

/** `str(value)` of the value Python decoded from our JSON. @internal */
export function pyStr(value: DescValue): string {
  if (typeof value === "string") return value;
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  const text = JSON.stringify(value);
  return INT_TEXT.test(text) ? text : pyFloatRepr(value);
}

/** A threshold comparand: a finite decimal or an infinity (Python's `Decimal("inf")` compares fine). @internal */
export type Comparand = PyDecimal | { readonly infinite: 1 | -1 };

/** `decimal.Decimal(value)` of the value Python decoded from our JSON; throws where Python raises. @internal */
export function pyDecimalOf(value: DescValue, field: string): Comparand {
  if (value === null)
    throw new RatingEngineError(
      `desc value of ${field} is null, which thresholds cannot compare (server: 500)`,
    );
  if (typeof value === "boolean") return decInt(value ? 1 : 0);
  if (typeof value === "number") {
    const text = JSON.stringify(value);
    return INT_TEXT.test(text) ? decInt(BigInt(text)) : decFromFloat(value);
  }
  let text = value.trim();
  if (text.includes("_")) {
    // Python accepts underscores between digits, as in integer literals.
    if (/(^|[^0-9])_|_($|[^0-9])/.test(text)) text = "invalid";
    text = text.replaceAll("_", "");
  }
  const finite = parsePyDecimal(text);
  if (finite) return finite;
  const inf = /^([+-])?inf(inity)?$/i.exec(text);
  if (inf) return { infinite: inf[1] === "-" ? -1 : 1 };
  const why = /^[+-]?s?nan\d*$/i.test(text) ? "is NaN, which thresholds cannot compare" : "is not a number";
  throw new RatingEngineError(`desc value of ${field} (${JSON.stringify(value)}) ${why} (server: 500)`);
}
