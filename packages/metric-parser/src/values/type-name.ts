import { pyTypeName } from "@meterkit/core/python";
import { Complex } from "./complex.js";

/**
 * The Python type name of a value, for messages: every JS number stands for a Python `float` here (the
 * original converts each variable with `float()`), and a {@link Complex} is a `complex`.
 * @internal
 */
export function typeName(value: unknown): string {
  return value instanceof Complex ? "complex" : pyTypeName(value, { numbers: "float" });
}
