import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  Account,
  Appliance,
  BadResponseError,
  Circuit,
  ColoSpace,
  ComputePool,
  Connections,
  DateParseError,
  ImageDetail,
  ImageDetailMap,
  InvalidTypeError,
  InvalidValueError,
  IpAddress,
  Locations,
  Metadata,
  MissingKeyError,
  Network,
  OutOfRangeError,
  parseIsoDateTime,
  Region,
  Resource,
  SaasUser,
  Server,
  ServiceOffering,
  Volume,
} from "../../src/index.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** The conformance folder: `MK_CONFORMANCE_DIR`, else `<repo>/../shared/conformance`. */
export const conformanceDir =
  process.env.MK_CONFORMANCE_DIR ?? path.resolve(repoRoot, "../shared/conformance");

/** One vector file of `nflex/`. */
export function loadVectors<T = Vector>(name: string): T[] {
  const file = path.join(conformanceDir, "nflex", name);
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { vectors: T[] };
  return parsed.vectors;
}

export interface ErrorExpectation {
  error: string;
  mro: string[];
  message: string;
  phase: string;
  [key: string]: unknown;
}

export interface Vector {
  class: string;
  args: Record<string, unknown>;
  calls?: { method: string; args: Record<string, unknown> }[];
  method?: string;
  method_args?: Record<string, unknown>;
  now: string;
  note?: string;
  ok: boolean;
  expected: unknown;
}

/**
 * Stands for a Python `list` in inputs. The original treats lists like tuples everywhere except
 * in `Metadata` values, where only exact tuples count; the port likewise only takes plain arrays
 * there, so Python lists are decoded to this subclass and Python tuples to plain arrays.
 */
export class PyList<T = unknown> extends Array<T> {}

/** A Python `date` (not a datetime): no JavaScript counterpart, kept as a plain object. */
export interface PyDate {
  pyDate: string;
}

export const snakeToCamel = (key: string): string =>
  key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function camelKeys(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) out[snakeToCamel(key)] = value;
  return out;
}

const CLASSES: Record<string, new (options: never) => object> = {
  Resource,
  Server,
  Volume,
  Network,
  Appliance,
  ServiceOffering,
  ComputePool,
  SaasUser,
  ColoSpace,
  Circuit,
  Account,
  Region,
  Locations,
  Connections,
  Metadata,
  IpAddress,
  ImageDetail,
  ImageDetailMap,
};

/** Builds `Class(**args)` then applies each call, as the vector format's `$obj` describes. */
export function build(
  className: string,
  rawArgs: Record<string, unknown>,
  calls: Vector["calls"] = [],
): object {
  const Class = CLASSES[className];
  if (Class === undefined) throw new Error(`unknown class ${className}`);
  const args = camelKeys(decodeArgs(rawArgs) as Record<string, unknown>);
  const instance = new Class(args as never);
  for (const call of calls) applyCall(instance, call.method, call.args);
  return instance;
}

/** Applies one recorded method call (keyword arguments) to an instance. */
export function applyCall(instance: object, method: string, rawArgs: Record<string, unknown>): unknown {
  const args = decodeArgs(rawArgs) as Record<string, unknown>;
  if (instance instanceof Metadata && method === "add") {
    return instance.add(args.key as string, args.value, args.namespace as string | null | undefined);
  }
  if (instance instanceof Connections && method === "add") return instance.add(camelKeys(args));
  if (instance instanceof ImageDetailMap && method === "get") {
    const { id, ...rest } = args;
    return instance.get(id as string, camelKeys(rest));
  }
  throw new Error(`unknown call ${method}`);
}

/** Decodes tagged inputs: Python lists become {@link PyList}, tuples plain arrays. */
export function decodeArgs(value: unknown): unknown {
  if (Array.isArray(value)) return PyList.from(value.map(decodeArgs));
  if (typeof value !== "object" || value === null) return value;
  const tagged = decodeTag(value as Record<string, unknown>, decodeArgs);
  if (tagged !== NOT_TAGGED) return tagged;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = decodeArgs(item);
  return out;
}

/** Decodes tagged expected values (plain arrays throughout). */
export function decodeExpected(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeExpected);
  if (typeof value !== "object" || value === null) return value;
  const tagged = decodeTag(value as Record<string, unknown>, decodeExpected);
  if (tagged !== NOT_TAGGED) return tagged;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = decodeExpected(item);
  return out;
}

const NOT_TAGGED = Symbol("not tagged");

function decodeTag(value: Record<string, unknown>, inner: (v: unknown) => unknown): unknown {
  if ("$obj" in value) {
    return build(value.$obj as string, value.args as Record<string, unknown>, value.calls as Vector["calls"]);
  }
  if ("$datetime" in value) return parseIsoDateTime(value.$datetime as string);
  if ("$date" in value) return { pyDate: value.$date as string } satisfies PyDate;
  if ("$tuple" in value) return (value.$tuple as unknown[]).map(inner);
  if ("$int" in value) return BigInt(value.$int as string);
  if ("$float" in value) return { inf: Infinity, "-inf": -Infinity, nan: Number.NaN }[value.$float as string];
  if ("$dict" in value)
    return new Map((value.$dict as [unknown, unknown][]).map(([k, v]) => [inner(k), inner(v)]));
  if ("$bytes" in value) return Buffer.from(value.$bytes as string, "latin1");
  return NOT_TAGGED;
}

/** The port's error class for each Python exception class of the vectors. */
export const ERROR_CLASSES: Record<string, abstract new (...args: never) => Error> = {
  ValueError: InvalidValueError,
  ParserError: DateParseError,
  TypeError: InvalidTypeError,
  AttributeError: InvalidTypeError,
  OverflowError: OutOfRangeError,
  KeyError: MissingKeyError,
  Exception: BadResponseError,
};

/** Asserts key order too (toEqual ignores it): JSON.parse already applied JavaScript's own ordering. */
export function keyOrderDiff(actual: unknown, expected: unknown, at = "$"): string | undefined {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < expected.length; i++) {
      const diff = keyOrderDiff(actual[i], expected[i], `${at}[${i}]`);
      if (diff !== undefined) return diff;
    }
    return undefined;
  }
  if (isPlain(expected) && isPlain(actual)) {
    const a = Object.keys(actual).join(",");
    const e = Object.keys(expected).join(",");
    if (a !== e) return `${at}: keys ${a} != ${e}`;
    for (const key of Object.keys(expected)) {
      const diff = keyOrderDiff(actual[key], expected[key], `${at}.${key}`);
      if (diff !== undefined) return diff;
    }
  }
  return undefined;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
