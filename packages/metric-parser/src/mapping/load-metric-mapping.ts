import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import { ExpressionSyntaxError, MetricMappingError } from "../errors.js";
import { SimpleExpressionParser } from "../parsers.js";
import { ParsedEntry } from "./parsed-entry.js";
import { pyyamlTags } from "./pyyaml-tags.js";

/**
 * Where warnings go (an unparsable `conversion_expr`). `console` fits, as does any logger with `warn`.
 * @public
 */
export interface MetricMappingLogger {
  /** Receives the parse error's message for a `conversion_expr` that does not parse; loading goes on. */
  warn(message: string): void;
}

/**
 * Options of {@link loadMetricMapping} and {@link parseMetricMapping}.
 * @public
 */
export interface MetricMappingOptions {
  /** Receives a warning per conversion that does not parse. Default: `console`, as the original logged. */
  logger?: MetricMappingLogger;
}

/**
 * Entries of a mapping file by key, in file order. Keys are usually strings; YAML may make them numbers,
 * booleans or dates, and keys Python considers equal (`1` and `true`) are one entry whose first key is kept.
 * @public
 */
export type MetricMapping = Map<unknown, ParsedEntry>;

/**
 * Reads a metric mapping file (the original's `load_metric_mapping`). `source` is a path (relative to the
 * current directory, default `mapping.yaml`) or `{ yaml: text }`.
 *
 * @example
 * ```ts
 * const mapping = loadMetricMapping("mapping.yaml");
 * mapping.get("metric1")?.convert({ value: 10 });
 * ```
 * @throws MetricMappingError when the file cannot be read, is not YAML, or has the wrong shape.
 * @public
 */
export function loadMetricMapping(
  source: string | URL | { yaml: string } = "mapping.yaml",
  options: MetricMappingOptions = {},
): MetricMapping {
  if (typeof source === "object" && !(source instanceof URL)) return parseMetricMapping(source.yaml, options);
  let text: string;
  try {
    text = readFileSync(source, "utf8");
  } catch (error) {
    throw new MetricMappingError("unreadable", `cannot read mapping file ${String(source)}`, undefined, {
      cause: error,
    });
  }
  return parseMetricMapping(text, options);
}

/**
 * Parses the YAML text of a metric mapping, with PyYAML `safe_load` semantics (YAML 1.1: `yes`/`on` are
 * booleans, `010` is 8, `12:30` is 750, `1e3` is a string; duplicate keys: the last wins).
 * @throws MetricMappingError as {@link loadMetricMapping}.
 * @public
 */
export function parseMetricMapping(yaml: string, options: MetricMappingOptions = {}): MetricMapping {
  const logger = options.logger ?? console;
  const data = readYaml(yaml);
  if (!(data instanceof Map)) {
    throw new MetricMappingError("not-a-mapping", "the top level of a metric mapping must be a mapping");
  }
  const parser = new SimpleExpressionParser();
  const firstKeys = new Map<unknown, unknown>();
  const mapping: MetricMapping = new Map();
  for (const [key, entry] of data) {
    if (typeof key === "object" && key !== null && !(key instanceof Date)) {
      // A list or mapping as a key: PyYAML refuses it ("found unhashable key").
      throw new MetricMappingError("yaml-syntax", "invalid YAML: found unhashable key", key);
    }
    if (!(entry instanceof Map)) {
      throw new MetricMappingError("entry-not-a-mapping", `entry ${String(key)} must be a mapping`, key);
    }
    let conversion: ParsedEntry["conversion"];
    if (entry.has("conversion_expr")) {
      const expression: unknown = entry.get("conversion_expr");
      if (typeof expression !== "string") {
        throw new MetricMappingError(
          "expression-not-a-string",
          `conversion_expr of ${String(key)} must be a string`,
          key,
        );
      }
      try {
        conversion = parser.parse(expression);
      } catch (error) {
        // As in the original: the entry keeps no conversion, so value() returns its input unchanged.
        if (!(error instanceof ExpressionSyntaxError)) throw error;
        logger.warn(error.message);
      }
    }
    const canonical = pythonKey(key);
    if (!firstKeys.has(canonical)) firstKeys.set(canonical, key);
    mapping.set(
      firstKeys.get(canonical),
      new ParsedEntry({
        name: entry.has("name") ? entry.get("name") : "",
        unit: entry.has("unit") ? entry.get("unit") : "",
        counter: entry.has("counter") ? entry.get("counter") : false,
        specialisation: entry.has("specialisation") ? entry.get("specialisation") : "",
        conversion,
      }),
    );
  }
  return mapping;
}

// yaml is ~60 CommonJS modules, ~35 ms of CPU in a fresh process, and only a mapping file needs it: it is
// loaded by the first one, not by the package's import (a caller who parses expressions never pays it). On
// Node, yaml's `import` and `require` are the same CommonJS build, so this is the very module `import` loads.
let yaml: typeof Yaml | undefined;
const loadYaml = (): typeof Yaml => {
  yaml ??= createRequire(import.meta.url)("yaml") as typeof Yaml;
  return yaml;
};

function readYaml(text: string): unknown {
  const { parseDocument } = loadYaml(); // outside the try: a missing yaml is not "invalid YAML"
  try {
    const doc = parseDocument(text, {
      version: "1.1",
      customTags: pyyamlTags,
      uniqueKeys: false,
      merge: true,
    });
    // PyYAML's safe_load refuses tags it does not know, where this library only warns.
    const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
    if (problem !== undefined) throw problem;
    return doc.toJS({ mapAsMap: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MetricMappingError("yaml-syntax", `invalid YAML: ${detail}`, undefined, { cause: error });
  }
}

/** Keys equal in Python share one dict slot: `True == 1`, `1 == 1.0`. */
function pythonKey(key: unknown): unknown {
  if (typeof key === "boolean") return key ? 1 : 0;
  if (typeof key === "bigint") {
    const asNumber = Number(key);
    return Number.isFinite(asNumber) && BigInt(asNumber) === key ? asNumber : key;
  }
  if (key instanceof Date) return `date:${key.toISOString()}`;
  return key;
}
