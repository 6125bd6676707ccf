import { ExpressionTypeError } from "../errors.js";
import { Complex, cProd, cQuot, ZERO_DIVISION } from "./complex.js";
import { complexPow, floatPow } from "./power.js";
import { typeName } from "./type-name.js";

/**
 * What an expression evaluates to: a double, `null` (Python `None`, from `NULL` or a CASE without a match)
 * or, rarely, a {@link Complex}.
 * @public
 */
export type ExpressionValue = number | null | Complex;

/** Binary operators of the grammar. */
export type ArithmeticOperator = "+" | "-" | "*" | "/" | "^";

function unsupported(op: string, a: ExpressionValue, b: ExpressionValue): ExpressionTypeError {
  const shown = op === "^" ? "** or pow()" : op;
  return new ExpressionTypeError(
    `unsupported operand type(s) for ${shown}: '${typeName(a)}' and '${typeName(b)}'`,
  );
}

function re(x: number | Complex): number {
  return typeof x === "number" ? x : x.re;
}
function im(x: number | Complex): number {
  return typeof x === "number" ? 0 : x.im;
}

/**
 * Applies one binary operator with Python 3.11 semantics on float/None/complex. Throws {@link ZERO_DIVISION}
 * where Python raises ZeroDivisionError.
 */
export function applyBinary(op: ArithmeticOperator, a: ExpressionValue, b: ExpressionValue): ExpressionValue {
  if (typeof a === "number" && typeof b === "number") {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        if (b === 0) throw ZERO_DIVISION;
        return a / b;
      default:
        return floatPow(a, b);
    }
  }
  if (a === null || b === null) throw unsupported(op, a, b);
  // Mixed float/complex: Python 3.11 widens the float to complex(x, 0.0) first.
  switch (op) {
    case "+":
      return new Complex(re(a) + re(b), im(a) + im(b));
    case "-":
      return new Complex(re(a) - re(b), im(a) - im(b));
    case "*":
      return cProd(re(a), im(a), re(b), im(b));
    case "/":
      return cQuot(re(a), im(a), re(b), im(b));
    default:
      return complexPow(new Complex(re(a), im(a)), new Complex(re(b), im(b)));
  }
}

/** Unary minus; unary plus returns its operand untouched (so `+NULL` is `null`). */
export function negate(a: ExpressionValue): ExpressionValue {
  if (typeof a === "number") return -a;
  if (a === null) throw new ExpressionTypeError("bad operand type for unary -: 'NoneType'");
  return new Complex(-a.re, -a.im);
}

/** Relational operators of the grammar (`==` only in ternaries). */
export type RelationalOperator = ">=" | "<=" | "!=" | ">" | "<" | "=" | "==";

function equals(a: ExpressionValue, b: ExpressionValue): boolean {
  if (a === null || b === null) return a === b;
  return re(a) === re(b) && im(a) === im(b);
}

/** Python comparison on float/None/complex: equality works with None, ordering raises on None and complex. */
export function compare(op: RelationalOperator, a: ExpressionValue, b: ExpressionValue): boolean {
  if (op === "=" || op === "==") return equals(a, b);
  if (op === "!=") return !equals(a, b);
  if (typeof a !== "number" || typeof b !== "number") {
    throw new ExpressionTypeError(
      `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
    );
  }
  switch (op) {
    case ">":
      return a > b;
    case "<":
      return a < b;
    case ">=":
      return a >= b;
    default:
      return a <= b;
  }
}
