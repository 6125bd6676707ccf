/**
 * How CloudKitty's Python sees a desc value we send as JSON: `str(value)` for mapping matches and
 * `Decimal(value)` for thresholds. We reason about the JSON text `JSON.stringify` produces, because that is
 * what Python parses: `4096` arrives as an int (`"4096"`), `0.5` as a float (`"0.5"`), `1e-7` as a float whose
 * `str` is `"1e-07"`.
 */
import { SdkError } from "@meterkit/core";
import { asciiDigits, isPyInt, pyStrip } from "@meterkit/core/python";
import { decFromFloat, decInt, type PyDecimal, parsePyDecimal } from "../decimal/py-decimal.js";
import type { DescValue } from "../usage.js";

/** The local engine met input the real server fails on (it answers 500 there). @public */
export class RatingEngineError extends SdkError {
  constructor(message: string) {
    super("rating_error", `[@meterkit/rating-hashmap-client] ${message}`);
  }
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
    // An integral number below 1e21 travels as JSON digits, which Python reads as an int.
    return isPyInt(value) ? decInt(BigInt(JSON.stringify(value))) : decFromFloat(value);
  }
  if (Array.isArray(value)) return tupleDecimal(value as readonly DescValue[], field);
  if (typeof value === "object")
    throw new RatingEngineError(
      `desc value of ${field} (${JSON.stringify(value)}) is not a number (server: 500)`,
    );
  const text = decimalText(value as string);
  const finite = text === undefined ? undefined : parsePyDecimal(text);
  if (finite) return finite;
  const inf = text === undefined ? null : /^([+-])?inf(inity)?$/i.exec(text);
  if (inf) return { infinite: inf[1] === "-" ? -1 : 1 };
  const why =
    text !== undefined && /^[+-]?s?nan\d*$/i.test(text)
      ? "is NaN, which thresholds cannot compare"
      : "is not a number";
  throw new RatingEngineError(`desc value of ${field} (${JSON.stringify(value)}) ${why} (server: 500)`);
}

/**
 * The text `decimal.Decimal(text)` hands its parser, in ASCII, or `undefined` when it cannot be a number.
 * CPython (`_pydecimal.Decimal.__new__`, and `_decimal`'s `numeric_as_ascii` alike) strips with
 * `str.strip()` (any Unicode whitespace, U+001C–U+001F included), deletes *every* underscore (no check that
 * it stands between digits: `"_1"`, `"1__0"` and `"1_e5"` are all numbers) and reads any Unicode decimal
 * digit (`"４０９６"` is 4096). Other non-ASCII characters fail in the C `decimal` CloudKitty runs, even
 * where `_pydecimal`'s case-insensitive regex would accept them (`"ınf"`).
 */
function decimalText(value: string): string | undefined {
  const text = asciiDigits(pyStrip(value).replaceAll("_", ""));
  return text === "" ? undefined : text;
}

/** An int once Python has decoded our JSON (`true`/`false` too: bool is an int subclass). */
function pyInt(v: DescValue): bigint | undefined {
  if (typeof v === "boolean") return v ? 1n : 0n;
  return typeof v === "number" && isPyInt(v) ? BigInt(JSON.stringify(v)) : undefined;
}

/**
 * `decimal.Decimal(list)`: the tuple form `(sign, digits, exponent)`, as CPython's `_decimal` reads it
 * (`dectuple_as_str`): length 3, sign an int 0 or 1, digits a list of ints 0–9, exponent an int or `"F"`
 * (infinity), `"n"`/`"N"` (NaN); anything else raises ValueError (the server answers 500).
 */
function tupleDecimal(t: readonly DescValue[], field: string): Comparand {
  const fail = (why: string): never => {
    throw new RatingEngineError(`desc value of ${field} (${JSON.stringify(t)}): ${why} (server: 500)`);
  };
  if (t.length !== 3) fail("a list for Decimal() must have 3 items (sign, digits, exponent)");
  const [signItem, digitsItem, expItem] = t as [DescValue, DescValue, DescValue];
  const sign = pyInt(signItem);
  if (sign !== 0n && sign !== 1n) return fail("the sign must be an integer with the value 0 or 1");
  let exp: bigint | "F" | "n" | "N";
  if (typeof expItem === "string") {
    if (expItem !== "F" && expItem !== "n" && expItem !== "N")
      return fail("the exponent string must be 'F', 'n' or 'N'");
    exp = expItem;
  } else {
    const e = pyInt(expItem);
    if (e === undefined) return fail("the exponent must be an integer");
    exp = e;
  }
  if (!Array.isArray(digitsItem)) return fail("the coefficient must be a tuple of digits");
  let coef = "";
  for (const d of digitsItem as readonly DescValue[]) {
    const n = pyInt(d);
    if (n === undefined || n < 0n || n > 9n) return fail("the coefficient must be a tuple of digits");
    coef += String(n);
  }
  if (exp === "F") return { infinite: sign === 1n ? -1 : 1 };
  if (typeof exp === "string") return fail("is NaN, which thresholds cannot compare");
  if (exp < BigInt(Number.MIN_SAFE_INTEGER) || exp > BigInt(Number.MAX_SAFE_INTEGER))
    return fail("exponent out of range");
  return { sign: sign === 1n ? 1 : 0, coef: BigInt(coef || "0"), exp: Number(exp) };
}
