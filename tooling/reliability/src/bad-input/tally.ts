/** Counts of bad-input cases per package and outcome, printed as one table at the end of a suite. */

/** How a case ended. */
export type CaseKind = "refused" | "encoded" | "gap";

/** Per-package counts. */
export class Tally {
  readonly #rows = new Map<string, Record<CaseKind, number>>();
  readonly #gaps = new Map<string, Set<string>>();

  /** Count one case of `pkg` (e.g. `@meterkit/ledger-client`, or `almanach CLI`). */
  record(pkg: string, kind: CaseKind, gap?: { reason: string; where: string }): void {
    const row = this.#rows.get(pkg) ?? { refused: 0, encoded: 0, gap: 0 };
    row[kind]++;
    this.#rows.set(pkg, row);
    if (gap) {
      const where = this.#gaps.get(gap.reason) ?? new Set<string>();
      where.add(gap.where);
      this.#gaps.set(gap.reason, where);
    }
  }

  /** The counts as a text table, plus the list of known gaps. */
  render(title: string): string {
    const header = ["package", "refused before sending", "encoded safely", "known gaps", "total"];
    const rows = [...this.#rows].map(([pkg, r]) => [
      pkg,
      String(r.refused),
      String(r.encoded),
      String(r.gap),
      String(r.refused + r.encoded + r.gap),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ");
    const gaps = [...this.#gaps].map(([reason, where]) => `${reason}\n      in: ${[...where].join(", ")}`);
    return [
      `\n${title}`,
      line(header),
      widths.map((w) => "-".repeat(w)).join("-|-"),
      ...rows.map(line),
      ...(gaps.length
        ? [
            "known gaps (reported to the lead; each case fails once its gap is fixed):",
            ...gaps.map((g) => `  - ${g}`),
          ]
        : []),
      "",
    ].join("\n");
  }

  /** All rows, for assertions that every package was exercised. */
  packages(): string[] {
    return [...this.#rows.keys()];
  }
}
