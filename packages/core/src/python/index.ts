/**
 * @packageDocumentation
 * `@meterkit/core/python`: how Python prints and reads values, in one place for every meterkit port —
 * float and string `repr`, `str`, type names, truthiness, `str` ordering, and the text rules of
 * `int()`/`Decimal()`.
 */
export {
  asciiDigits,
  decimalDigitValue,
  pyIntText,
  pyNumberStrip,
  pyStrip,
  withoutDigitUnderscores,
} from "./numbers.js";
export { pyStrCompare } from "./order.js";
export { isPyInt, pyBytesRepr, pyFloatRepr, pyRepr, pyStr, pyStringRepr } from "./repr.js";
export { isPlainObject, pyTruthy, pyTypeName } from "./types.js";
