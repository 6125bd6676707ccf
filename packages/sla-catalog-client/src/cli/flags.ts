/** A tool's flags as kit options, and their text turned into API values (the seed's date and list formats). */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type OptionSpec, UsageError } from "@meterkit/core/cli";
import type { FlagKind, FlagSpec, ToolSpec } from "./spec.js";

/** The value placeholder of each kind in `--help`. */
const VALUE_NAMES: Record<FlagKind, string> = {
  text: "TEXT",
  int: "N",
  decimal: "DECIMAL",
  ymd: "YYYYMMDD",
  dmy: "dd/mm/yyyy",
  ids: "ID,ID,…",
  yesno: "yes|no",
  file: "FILE",
};

/** The kit option of one seed flag; the help keeps the seed's text, the API field and the mandatory mark. */
export function optionOf(spec: FlagSpec): OptionSpec {
  return {
    name: spec.flag,
    valueName: VALUE_NAMES[spec.kind],
    help: `${spec.help} → ${spec.field}${spec.mandatory ? " (mandatory)" : ""}`,
    defaultText: spec.default,
  };
}

/**
 * The API input of one invocation: each given flag converted by its kind. A missing mandatory flag and flag
 * text that is not of its kind (`-df 2025-01-01`, `-ur -1`, an unreadable `-t` file) are usage errors,
 * before anything is sent; values of the right form but refused by the API's rules are left to the client.
 */
export function readFlags(
  tool: ToolSpec,
  values: Readonly<Record<string, unknown>>,
  cwd: string,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const spec of tool.flags) {
    const raw = values[spec.flag];
    if (raw === undefined) {
      if (spec.mandatory) {
        throw new UsageError(`missing mandatory flag -${spec.flag} (${spec.field}: ${spec.help})`);
      }
      continue;
    }
    input[spec.field] = convert(spec, String(raw), cwd);
  }
  return input;
}

function convert(spec: FlagSpec, raw: string, cwd: string): unknown {
  const fail = (what: string): never => {
    throw new UsageError(`-${spec.flag} (${spec.field}) must be ${what}, got ${JSON.stringify(raw)}`);
  };
  switch (spec.kind) {
    case "int":
      return /^\d{1,10}$/.test(raw) ? Number(raw) : fail("a positive integer");
    case "ids":
      return raw
        .split(",")
        .map((part) => (/^\s*\d{1,10}\s*$/.test(part) ? Number(part) : fail("a list of ids like 1,2,3")));
    case "yesno":
      return /^(yes|no)$/i.test(raw) ? raw.toLowerCase() === "yes" : fail("yes or no");
    case "ymd": {
      const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw) ?? fail("a date YYYYMMDD");
      return realDay(m[1], m[2], m[3]) ?? fail("a real date YYYYMMDD");
    }
    case "dmy": {
      const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw) ?? fail("a date dd/mm/yyyy");
      return (
        realDay(m[3], (m[2] as string).padStart(2, "0"), (m[1] as string).padStart(2, "0")) ??
        fail("a real date dd/mm/yyyy")
      );
    }
    case "file":
      try {
        return readFileSync(resolve(cwd, raw), "utf8");
      } catch (error) {
        return fail(`a readable file (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
      }
    default:
      // text and decimal: the client's schemas check them and name the field.
      return raw;
  }
}

function realDay(y: string | undefined, m: string | undefined, d: string | undefined): string | undefined {
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : undefined;
}
