/**
 * Python's `csv.writer` as cliff's csv formatter calls it (`cliff/formatters/commaseparated.py`: `quoting`
 * from `--quote`, `escapechar='\\'`, `lineterminator=os.linesep`), so `-f csv --quote …` prints what a
 * cliff CLI prints, byte for byte (CPython 3.11 `Modules/_csv.c`, `join_append_data`).
 */
import { UsageError } from "./exit-codes.js";
import type { CsvQuoting } from "./output-options.js";

/** Python's `str()` of a cell as the csv writer takes it: `None` is an empty field, objects as JSON. */
type CellText = (value: unknown) => string;

/** Numbers (and Python's bools, which are ints) are the cells `nonnumeric` leaves bare. */
function isNumber(value: unknown): boolean {
  return typeof value === "number" || typeof value === "bigint" || typeof value === "boolean";
}

function field(value: unknown, quoting: CsvQuoting, text: CellText): string {
  let quoted = quoting === "all" || (quoting === "nonnumeric" && !isNumber(value));
  const raw = value === null || value === undefined ? "" : text(value);
  let out = "";
  for (const ch of raw) {
    if (ch === "," || ch === "\\" || ch === '"' || ch === "\n") {
      if (quoting === "none" || ch === "\\") out += "\\";
      else if (ch === '"') {
        out += '"';
        quoted = true;
      } else quoted = true;
    }
    out += ch;
  }
  return quoted ? `"${out}"` : out;
}

/**
 * The csv text of a header row and rows, one `\n`-terminated line each. A row of one empty field is written
 * `""` (with `--quote none` Python refuses it: a usage error here, nothing printed).
 * @internal
 */
export function pythonCsv(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  quoting: CsvQuoting,
  text: CellText,
): string {
  return [columns, ...rows]
    .map((row) => {
      const line = row.map((v) => field(v, quoting, text)).join(",");
      if (row.length > 0 && line === "") {
        if (quoting === "none")
          throw new UsageError(
            "--quote none: a row of one empty field must be quoted (as Python's csv says)",
          );
        return '""\n';
      }
      return `${line}\n`;
    })
    .join("");
}
