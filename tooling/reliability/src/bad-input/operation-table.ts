/**
 * Table-driven bad-input cases: an operation is described once (a valid input, the kind of each field, the
 * route it sends to) and the generator derives every hostile variant and the fate each one must meet.
 */
import {
  BAD_COUNTS,
  BAD_DATES,
  DOT_SEGMENTS,
  HOSTILE_STRINGS,
  LONE_SURROGATE,
  NOT_STRINGS,
  ONE_MB,
  type Sample,
  show,
} from "./values.js";

/**
 * How a field is used: `path` ids go into the URL path; `text` is free text sent in a body or query;
 * `id` is a body/query id that may be any non-empty string; `date`, `count` (non-negative integer),
 * `ids` (a list of ids), `strict` (a constrained string: UUID, enum…: every hostile string is refused) and
 * `filter` (a free query value: strings, numbers, booleans and lists of them are all legal).
 */
export type FieldKind = "path" | "text" | "id" | "date" | "count" | "ids" | "strict" | "filter";

/** One public operation under test. */
export interface Operation {
  readonly name: string;
  /** Calls the operation with a (possibly hostile) input object. */
  readonly call: (input: Record<string, unknown>) => unknown;
  /** An input that passes validation. */
  readonly valid: Readonly<Record<string, unknown>>;
  readonly fields: Readonly<Record<string, FieldKind>>;
  /** Fields that must be present (default: every field of `valid`). */
  readonly required?: readonly string[];
  /** The wire route: method and path template with `{field}` placeholders filled from the input. */
  readonly route: { readonly method: string; readonly path: string; readonly requests?: number };
  /** Whether an unknown field is refused (strict input objects). Default true. */
  readonly strictKeys?: boolean;
  /** Whether the whole input is an object argument (then non-objects are refused). Default true. */
  readonly objectInput?: boolean;
  /** Field names as the error reports them, when they differ (e.g. a root prefix `input.`). */
  readonly fieldPrefix?: string;
  /**
   * Other names an error may use for a field: core names a refused path parameter by its placeholder in the
   * route template (`id`), which is the client's own wire name for the caller's `volumeId`.
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Fields sent in the query string (a lone surrogate cannot survive URL encoding there). */
  readonly query?: readonly string[];
  /** Fields where `null` is a legal value (e.g. `tenant_id: null`, "rules without a tenant"). */
  readonly nullable?: readonly string[];
  /** Text longer than this is refused (the client caps its strings), so the 1 MB value must be refused. */
  readonly maxLength?: number;
  /** The client trims text: a value with outer whitespace (a BOM included) arrives trimmed. */
  readonly trims?: boolean;
  /** More values to refuse per field, on top of the kind's (out-of-range numbers, wrong formats). */
  readonly refuse?: Readonly<Record<string, readonly Sample[]>>;
}

/** What must happen to one generated input. */
export type Expectation =
  | { readonly refuse: readonly string[]; readonly gap?: string; readonly inMessage?: boolean }
  | {
      readonly encode: { method: string; path: string; requests?: number };
      readonly verbatim?: string;
      readonly gap?: string;
    };

/** One generated case. */
export interface Case {
  readonly title: string;
  readonly input: Record<string, unknown>;
  readonly expect: Expectation;
}

/** The raw path the operation must send for this input: every placeholder percent-encoded. */
export function wirePath(op: Operation, input: Record<string, unknown>): string {
  return op.route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(input[name])));
}

function variant(op: Operation, field: string, value: unknown): Record<string, unknown> {
  const input = { ...op.valid };
  if (value === undefined) delete input[field];
  else input[field] = value;
  return input;
}

function namesOf(op: Operation, field: string): string[] {
  const alias = op.aliases?.[field];
  return [`${op.fieldPrefix ?? ""}${field}`, ...(alias ? [alias] : [])];
}

function refusals(
  op: Operation,
  field: string,
  samples: readonly Sample[],
  what: string,
  gap?: string,
): Case[] {
  return samples.map((s) => ({
    title: `${op.name} ${field}: ${what} ${s.label}`,
    input: variant(op, field, s.value),
    expect: gap === undefined ? { refuse: namesOf(op, field) } : { refuse: namesOf(op, field), gap },
  }));
}

const strings = (values: readonly string[]): Sample[] => values.map((v) => ({ label: show(v), value: v }));

function encoded(op: Operation, field: string, value: string): Case {
  if (op.maxLength !== undefined && value.length > op.maxLength) {
    return {
      title: `${op.name} ${field}: too long ${show(value)}`,
      input: variant(op, field, value),
      expect: { refuse: namesOf(op, field) },
    };
  }
  const input = variant(op, field, value);
  const sent = op.trims ? value.trim() : value;
  return {
    title: `${op.name} ${field}: legal hostile ${show(value)}`,
    input,
    expect: {
      encode: { ...op.route, path: wirePath(op, variant(op, field, sent)) },
      verbatim: sent,
    },
  };
}

function hostileCases(op: Operation, field: string, kind: FieldKind, oversized: boolean): Case[] {
  // 1 MB values cost ~0.5 s each on a loaded runner: one per operation (its first string field) is enough.
  const values = oversized ? [...HOSTILE_STRINGS, ONE_MB] : HOSTILE_STRINGS;
  if (kind === "strict") return refusals(op, field, strings([...values, LONE_SURROGATE]), "hostile");
  const out = values.map((value) => encoded(op, field, value));
  // A lone surrogate has no UTF-8 form: JSON escapes it (`\ud800`, sent faithfully), a URL cannot.
  const surrogate = [{ label: "lone surrogate", value: LONE_SURROGATE }];
  // core refuses it in a path or a query (InvalidInputError) rather than throw URIError or send U+FFFD.
  if (kind === "path" || op.query?.includes(field)) out.push(...refusals(op, field, surrogate, ""));
  else out.push(encoded(op, field, LONE_SURROGATE));
  return out;
}

/** Every bad-input case of one operation. */
export function casesOf(op: Operation): Case[] {
  // The table's own check: the valid input really is valid, so every refusal below is due to its one change.
  const out: Case[] = [
    {
      title: `${op.name}: the valid input is sent`,
      input: { ...op.valid },
      expect: { encode: { ...op.route, path: wirePath(op, { ...op.valid }) } },
    },
  ];
  const required = op.required ?? Object.keys(op.valid);
  let oversized = true;
  for (const field of required)
    out.push(...refusals(op, field, [{ label: "", value: undefined }], "missing"));
  for (const [field, kind] of Object.entries(op.fields)) {
    if (kind === "date") out.push(...refusals(op, field, BAD_DATES, "invalid date"));
    else if (kind === "count") out.push(...refusals(op, field, BAD_COUNTS, "bad number"));
    else if (kind === "ids") {
      out.push(
        ...refusals(
          op,
          field,
          [...NOT_STRINGS.filter((s) => s.label !== "array"), { label: "list of numbers", value: [1] }],
          "not a list of ids",
        ),
      );
    } else {
      const legal = [
        ...(kind === "filter" ? ["number", "boolean", "array"] : []),
        ...(op.nullable?.includes(field) ? ["null"] : []),
      ];
      out.push(
        ...refusals(
          op,
          field,
          NOT_STRINGS.filter((s) => !legal.includes(s.label)),
          "wrong type",
        ),
      );
      if (kind === "path") out.push(...refusals(op, field, strings(DOT_SEGMENTS), "dot segment"));
      out.push(...hostileCases(op, field, kind, oversized));
      oversized = false;
    }
  }
  for (const [field, samples] of Object.entries(op.refuse ?? {}))
    out.push(...refusals(op, field, samples, "bad value"));
  if (op.strictKeys !== false && op.objectInput !== false) {
    out.push({
      title: `${op.name}: unknown field`,
      input: { ...op.valid, __proto_pollution__: "x" },
      expect: { refuse: ["__proto_pollution__"], inMessage: true },
    });
  }
  return out;
}
