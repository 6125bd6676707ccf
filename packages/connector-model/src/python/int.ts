import { pyIntText, pyStringRepr, pyTypeName } from "@meterkit/core/python";
import { InvalidTypeError, InvalidValueError, OutOfRangeError } from "../errors.js";

/**
 * Python's `int(value)`, which the original applies to `Volume.iops` at serialize time:
 * floats truncate toward zero, bools become 0/1, strings must be decimal integers (surrounding
 * whitespace, a sign, single underscores between digits and any Unicode decimal digits, as Python reads
 * them). Results beyond 2^53 are returned as `bigint` so no digit is lost.
 */
export function pyInt(value: unknown, field: string): number | bigint {
  switch (typeof value) {
    case "boolean":
      return value ? 1 : 0;
    case "bigint":
      return value;
    case "number":
      if (Number.isNaN(value))
        throw new InvalidValueError(`${field}: cannot convert float NaN to integer`, field);
      if (!Number.isFinite(value)) {
        throw new OutOfRangeError(`${field}: cannot convert float infinity to integer`, field);
      }
      return Math.trunc(value) + 0; // + 0 turns -0 into 0
    case "string": {
      const digits = pyIntText(value);
      if (digits === undefined) {
        throw new InvalidValueError(
          `${field}: invalid literal for int() with base 10: ${pyStringRepr(value)}`,
          field,
        );
      }
      const parsed = Number(digits);
      return Number.isSafeInteger(parsed) ? parsed : BigInt(digits);
    }
    default:
      throw new InvalidTypeError(
        `${field}: int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
        field,
      );
  }
}
