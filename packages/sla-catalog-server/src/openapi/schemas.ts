import { MIGRATIONS } from "../db/migrations.js";
import type { Column, TableSpec } from "../model/table.js";

/** A JSON Schema (2020-12) object, as OpenAPI 3.1 embeds it. */
export type JsonSchema = Record<string, unknown>;

// Which columns are NOT NULL is read from the migrations themselves, so the document cannot drift from the
// schema the database enforces (a nullable column is documented as `[type, "null"]`).
function notNullColumns(): ReadonlyMap<string, ReadonlySet<string>> {
  const tables = new Map<string, Set<string>>();
  const sql = MIGRATIONS.map((m) => m.sql).join("\n");
  for (const [, table, body] of sql.matchAll(/create table (\w+) \(([\s\S]*?)\n\);/g)) {
    const columns = new Set<string>();
    for (const definition of splitTopLevel(body ?? "")) {
      const [name] = definition.trim().split(/\s+/);
      if (!name || /^(check|foreign|primary)$/i.test(name)) continue;
      if (/\bnot null\b|\bprimary key\b/i.test(definition)) columns.add(name);
    }
    const keys = /primary key \(([^)]*)\)/i.exec(body ?? "");
    for (const key of keys?.[1]?.split(",") ?? []) columns.add(key.trim());
    tables.set(table ?? "", columns);
  }
  return tables;
}

/** Splits on commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

const NOT_NULL = notNullColumns();

const DECIMAL: JsonSchema = {
  type: "string",
  pattern: "^-?\\d+(\\.\\d+)?$",
  description: "a decimal, carried as a string so that no binary float rounds it",
};

function columnSchema(column: Column): JsonSchema {
  switch (column.type) {
    case "int":
      return { type: "integer" };
    case "bool":
      return { type: "boolean" };
    case "decimal":
      return { ...DECIMAL };
    case "date":
      return { type: "string", format: "date" };
    case "timestamp":
      return { type: "string", format: "date-time" };
    default:
      return { type: "string" };
  }
}

/** The response representation of one row of `spec`, plus fields its `enrich` adds. */
export function rowSchema(spec: TableSpec, extra: Readonly<Record<string, JsonSchema>> = {}): JsonSchema {
  const notNull = NOT_NULL.get(spec.table);
  if (!notNull) throw new Error(`[@meterkit/sla-catalog-server] no migration creates ${spec.table}`);
  const properties: Record<string, JsonSchema> = {};
  for (const column of spec.columns) {
    const schema = columnSchema(column);
    properties[column.field] = notNull.has(column.column)
      ? schema
      : { ...schema, type: [schema.type as string, "null"] };
  }
  Object.assign(properties, extra);
  return {
    type: "object",
    required: [...spec.columns.map((c) => c.field), ...Object.keys(extra)],
    properties,
  };
}

/** RFC 9457 problem details as the service sends them. */
export const PROBLEM: JsonSchema = {
  type: "object",
  required: ["type", "title", "status", "code", "detail", "instance"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string", description: "stable machine-readable reason, e.g. in_use, validation_failed" },
    detail: { type: "string" },
    instance: { type: "string", description: "the request path" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["field", "code", "message"],
        properties: { field: { type: "string" }, code: { type: "string" }, message: { type: "string" } },
      },
    },
    referencedBy: {
      type: "array",
      items: {
        type: "object",
        required: ["type", "id"],
        properties: { type: { type: "string" }, id: { type: ["string", "integer"] } },
      },
    },
  },
};
