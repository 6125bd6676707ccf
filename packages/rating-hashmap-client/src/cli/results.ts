/** How the CLI shows what the client returns: lists as tables with fixed columns, one object as fields. */
import type { CommandResult } from "@meterkit/core/cli";

/** The columns of each kind of object, in the order CloudKitty's own client shows them. @internal */
export const COLUMNS = {
  service: ["service_id", "name"],
  field: ["field_id", "name", "service_id"],
  group: ["group_id", "name"],
  mapping: ["mapping_id", "value", "type", "cost", "service_id", "field_id", "group_id", "tenant_id"],
  threshold: ["threshold_id", "level", "type", "cost", "service_id", "field_id", "group_id", "tenant_id"],
  module: ["module_id", "description", "enabled", "hot-config", "priority"],
} as const;

/** The kind of object a command returns. @internal */
export type Kind = keyof typeof COLUMNS;

/** A list: a table with the kind's columns (the headers show even when the list is empty). @internal */
export function listResult(kind: Kind, items: readonly object[]): CommandResult {
  const columns = COLUMNS[kind];
  const rows = items.map((item) => columns.map((c) => (item as Record<string, unknown>)[c]));
  return { json: items, table: { columns, rows } };
}

/** One object (or `null`: nothing printed in table format). @internal */
export function itemResult(item: object | null): CommandResult {
  if (item === null) return { json: null, text: "" };
  return { json: item, fields: Object.entries(item) };
}

/** A command with nothing to show (a delete). @internal */
export const DONE: CommandResult = { json: null, text: "" };
