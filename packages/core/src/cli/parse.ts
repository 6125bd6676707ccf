/**
 * The kit's own argument parser. node:util's parseArgs cannot say which flag lacks its value when the next
 * word looks like a flag, keeps the last of a repeated flag silently, and reads `-mp` as `-m -p`; CLIs that
 * reproduce reference tools need all three right.
 */
import { UsageError } from "./exit-codes.js";
import type { OptionSpec, PositionalSpec } from "./program.js";

/** What the parser found. @internal */
export interface Parsed {
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  help: boolean;
  version: boolean;
}

/** @internal */
export interface ParseRules {
  readonly options: readonly OptionSpec[];
  readonly dashes: "single" | "double";
}

/** Spellings of an option as they may appear on the command line. */
function spellings(option: OptionSpec, dashes: "single" | "double"): string[] {
  const long = [option.name, ...(option.aliases ?? [])];
  const out = long.flatMap((n) => (dashes === "single" ? [`-${n}`, `--${n}`] : [`--${n}`]));
  if (option.short) out.push(`-${option.short}`);
  return out;
}

/** The name a user typed, for messages (`-p`, `--cost`). */
function shown(token: string): string {
  return token.split("=")[0] ?? token;
}

/**
 * Parse `argv` against the options. `--name=value` and `--name value` both work; a value that is itself
 * a spelling of a known option is taken for that option, so `-p -n X` says `-p needs a value`.
 * @internal
 */
export function parseArgv(argv: readonly string[], rules: ParseRules): Parsed {
  const bySpelling = new Map<string, OptionSpec>();
  const named = new Set<string>();
  for (const option of rules.options) {
    // The same option listed twice (a program declaring a kit option as a global too): the first one counts.
    if (named.has(option.name)) continue;
    named.add(option.name);
    for (const s of spellings(option, rules.dashes)) bySpelling.set(s, option);
  }
  const out: Parsed = { options: {}, positionals: [], help: false, version: false };
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token === "-h" || token === "--help" || (rules.dashes === "single" && token === "-help")) {
      out.help = true;
      continue;
    }
    if (token === "--version") {
      out.version = true;
      continue;
    }
    if (!isFlagLike(token)) {
      out.positionals.push(token);
      continue;
    }
    const eq = token.indexOf("=");
    const spelling = eq > 0 ? token.slice(0, eq) : token;
    const option = bySpelling.get(spelling);
    if (!option) throw new UsageError(`unknown option '${spelling}'`);
    const previous = given.get(option.name);
    if (previous !== undefined && !option.multiple) {
      throw new UsageError(
        previous === spelling ? `${spelling} given twice` : `${spelling} given twice (also as ${previous})`,
      );
    }
    given.set(option.name, spelling);
    if (option.type === "boolean") {
      if (eq > 0) throw new UsageError(`${spelling} takes no value`);
      out.options[option.name] = true;
      continue;
    }
    let value: string;
    if (eq > 0) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || bySpelling.has(shown(next)) || next === "--help" || next === "-h") {
        throw new UsageError(`${spelling} needs a value`);
      }
      value = next;
      i++;
    }
    if (option.choices && !option.choices.includes(value))
      throw new UsageError(`${spelling} must be ${option.choices.join(", ")}, got '${value}'`);
    if (option.multiple) {
      const list = (out.options[option.name] as string[] | undefined) ?? [];
      list.push(value);
      out.options[option.name] = list;
    } else out.options[option.name] = value;
  }
  return out;
}

/** `-x`, `--long`, `-long`; not `-`, not a negative number. */
function isFlagLike(token: string): boolean {
  return token.length > 1 && token.startsWith("-") && !/^-\d/.test(token);
}

/** Positionals by name; too few or too many is a usage error naming them. @internal */
export function bindPositionals(
  command: string,
  specs: readonly PositionalSpec[],
  values: readonly string[],
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  let i = 0;
  for (const spec of specs) {
    if (spec.variadic) {
      out[spec.name] = values.slice(i);
      if (!spec.optional && values.length <= i) throw new UsageError(`${command} needs ${spec.name}`);
      i = values.length;
      continue;
    }
    const value = values[i];
    if (value === undefined) {
      if (spec.optional) continue;
      const missing = specs
        .slice(specs.indexOf(spec))
        .filter((s) => !s.optional)
        .map((s) => s.name);
      throw new UsageError(`${command} needs ${missing.join(", ")}`);
    }
    out[spec.name] = value;
    i++;
  }
  if (i < values.length) throw new UsageError(`unexpected argument '${values[i]}'`);
  return out;
}
