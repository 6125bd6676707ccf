import type { CatalogClient } from "../client.js";

/** How a flag's text becomes an API value. */
export type FlagKind = "text" | "int" | "decimal" | "ymd" | "dmy" | "ids" | "yesno" | "file";

/** One flag of a tool, as the seed documents it. */
export interface FlagSpec {
  /** Without the dash, e.g. `mp`. */
  readonly flag: string;
  /** The API field it fills. */
  readonly field: string;
  readonly kind: FlagKind;
  readonly help: string;
  readonly mandatory?: boolean;
  /** The default the service applies, shown in `--help`. */
  readonly default?: string;
}

/** What a tool prints: `lines` as text, `json` with `--format json`. */
export interface ToolResult {
  readonly json: unknown;
  readonly lines: readonly string[];
}

/** One provider tool. */
export interface ToolSpec {
  readonly name: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  run(client: CatalogClient, input: Record<string, unknown>): Promise<ToolResult>;
}

/** A creation's result: the new id on one line. */
export const createdId = (row: { id: string | number }): ToolResult => ({
  json: row,
  lines: [String(row.id)],
});

/** Rows as tab-separated lines, one per item. */
export const rows = <T>(items: readonly T[], columns: (item: T) => readonly unknown[]): ToolResult => ({
  json: items,
  lines: items.map((item) =>
    columns(item)
      .map((v) => (v === null || v === undefined ? "-" : String(v)))
      .join("\t"),
  ),
});
