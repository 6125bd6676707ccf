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

/**
 * The columns of cloudkittyclient 4.6's `hashmap` commands (`cloudkittyclient/v1/rating/hashmap_cli.py`):
 * the object's key and the column's title, in its order.
 * @internal
 */
export const CK_COLUMNS = {
  service: [
    ["name", "Name"],
    ["service_id", "Service ID"],
  ],
  field: [
    ["name", "Name"],
    ["field_id", "Field ID"],
    ["service_id", "Service ID"],
  ],
  group: [
    ["name", "Name"],
    ["group_id", "Group ID"],
  ],
  mapping: [
    ["mapping_id", "Mapping ID"],
    ["value", "Value"],
    ["cost", "Cost"],
    ["type", "Type"],
    ["field_id", "Field ID"],
    ["service_id", "Service ID"],
    ["group_id", "Group ID"],
    ["tenant_id", "Project ID"],
  ],
  threshold: [
    ["threshold_id", "Threshold ID"],
    ["level", "Level"],
    ["cost", "Cost"],
    ["type", "Type"],
    ["field_id", "Field ID"],
    ["service_id", "Service ID"],
    ["group_id", "Group ID"],
    ["tenant_id", "Project ID"],
  ],
} as const;

/** The kind of object a cloudkitty-style command shows. @internal */
export type CkKind = keyof typeof CK_COLUMNS;

/**
 * A cliff `Lister`'s output, as every `cloudkitty hashmap …` command but the deletes prints it (even
 * `create` and `get`): a table with the titled columns; `--format json` a list of objects keyed by title. A
 * missing value is Python's `None`: `None` in table and value formats, an empty field in csv, `null` in json
 * and yaml.
 * @internal
 */
export function ckList(kind: CkKind, items: readonly object[]): CommandResult {
  const columns = CK_COLUMNS[kind];
  const values = (item: object) => columns.map(([key]) => (item as Record<string, unknown>)[key] ?? null);
  return {
    json: items.map((item) => Object.fromEntries(values(item).map((v, i) => [columns[i]?.[1], v]))),
    table: { columns: columns.map(([, title]) => title), rows: items.map(values) },
    nullText: "None",
  };
}
