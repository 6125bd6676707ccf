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
  const text = decimalText(value);
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
