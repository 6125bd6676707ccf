import { InvalidTypeError, InvalidValueError, OutOfRangeError } from "../errors.js";
import { pyTypeName } from "./truthy.js";

// Python's int() accepts surrounding whitespace, a sign and single underscores between digits.
const INT_LITERAL = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/;

/**
 * Python's `int(value)`, which the original applies to `Volume.iops` at serialize time:
 * floats truncate toward zero, bools become 0/1, strings must be decimal integers.
 * Results beyond 2^53 are returned as `bigint` so no digit is lost.
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
      const match = INT_LITERAL.exec(value);
      if (match === null) {
        throw new InvalidValueError(`${field}: invalid literal for int() with base 10: '${value}'`, field);
      }
      const digits = `${match[1]}${match[2]!.replaceAll("_", "")}`;
      const parsed = Number(digits);
      return Number.isSafeInteger(parsed) ? parsed + 0 : BigInt(digits);
    }
    default:
      throw new InvalidTypeError(
        `${field}: int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
        field,
      );
  }
}
