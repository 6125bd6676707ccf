import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  Complex,
  ExpressionOverflowError,
  ExpressionTypeError,
  ExpressionValueError,
  VariableLookupError,
} from "../src/index.js";

/** The original's exception classes, mapped to this package's typed errors. */
export const errorClasses: Record<string, new (...args: never[]) => Error> = {
  VariableLookupError,
  TypeError: ExpressionTypeError,
  ValueError: ExpressionValueError,
  OverflowError: ExpressionOverflowError,
};

/** `$MK_CONFORMANCE_DIR`, default `<repo root>/../shared/conformance`. */
export const conformanceDir =
  process.env.MK_CONFORMANCE_DIR ??
  path.resolve(fileURLToPath(new URL("../../../", import.meta.url)), "../shared/conformance");

/** Reads one vector file of research/nflex.md §6. */
export function readVectors<T>(name: string): { count: number; vectors: T[] } {
  return JSON.parse(readFileSync(path.join(conformanceDir, "nflex", name), "utf8")) as {
    count: number;
    vectors: T[];
  };
}

/** Decodes the value tags of §6 into what this package takes and returns. */
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== "object") return value;
  const tagged = value as Record<string, unknown>;
  if ("$int" in tagged) return BigInt(tagged.$int as string);
  if ("$float" in tagged)
    return { inf: Infinity, "-inf": -Infinity, nan: Number.NaN }[tagged.$float as string];
  if ("$complex" in tagged) {
    const [re, im] = (tagged.$complex as unknown[]).map(decode) as [number, number];
    return new Complex(re, im);
  }
  if ("$date" in tagged) return new Date(`${tagged.$date as string}T00:00:00Z`);
  if ("$datetime" in tagged) {
    const iso = tagged.$datetime as string;
    return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  }
  return Object.fromEntries(Object.entries(tagged).map(([k, v]) => [k, decode(v)]));
}

function ulpDistance(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (Number.isNaN(a) || Number.isNaN(b) || !Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  const ia = buf.getBigInt64(0);
  const ib = buf.getBigInt64(8);
  const key = (x: bigint) => (x < 0n ? -(x & 0x7fffffffffffffffn) : x);
  const d = key(ia) - key(ib);
  return Number(d < 0n ? -d : d);
}

/** Exact match (NaN equals NaN, -0 differs from 0), or within `ulps` units in the last place. */
export function sameNumber(actual: number, expected: number, ulps: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return ulpDistance(actual, expected) <= ulps;
}

/** Compares an evaluation result with a decoded expected value. */
export function sameValue(actual: unknown, expected: unknown, ulps: number): boolean {
  if (expected === null) return actual === null;
  if (typeof expected === "number") return typeof actual === "number" && sameNumber(actual, expected, ulps);
  if (expected instanceof Complex) {
    return (
      actual instanceof Complex &&
      sameNumber(actual.re, expected.re, ulps) &&
      sameNumber(actual.im, expected.im, ulps)
    );
  }
  if (expected instanceof Date) return actual instanceof Date && actual.getTime() === expected.getTime();
  if (typeof expected === "bigint") return actual === expected;
  return Object.is(actual, expected);
}
