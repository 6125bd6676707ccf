/**
 * How CloudKitty's Python sees a desc value we send as JSON: `str(value)` for mapping matches and
 * `Decimal(value)` for thresholds. We reason about the JSON text `JSON.stringify` produces, because that is
 * what Python parses: `4096` arrives as an int (`"4096"`), `0.5` as a float (`"0.5"`), `1e-7` as a float whose
 * `str` is `"1e-07"`.
 */
import { SdkError } from "@meterkit/core";
import { isPyInt, withoutDigitUnderscores } from "@meterkit/core/python";
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
  // Python accepts underscores between digits, as in integer literals; any other underscore is invalid.
  const text = withoutDigitUnderscores(value.trim()) ?? "invalid";
  const finite = parsePyDecimal(text);
  if (finite) return finite;
  const inf = /^([+-])?inf(inity)?$/i.exec(text);
  if (inf) return { infinite: inf[1] === "-" ? -1 : 1 };
  const why = /^[+-]?s?nan\d*$/i.test(text) ? "is NaN, which thresholds cannot compare" : "is not a number";
  throw new RatingEngineError(`desc value of ${field} (${JSON.stringify(value)}) ${why} (server: 500)`);
}
