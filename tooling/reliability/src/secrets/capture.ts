/**
 * Everything a secrets check scans: error messages in every rendering a user or a log pipeline might
 * produce, log lines, files (cassettes, snapshots) and CLI output, each labelled so a leak says where it was.
 */
import { readFileSync } from "node:fs";
import { inspect } from "node:util";

/** A captured text and where it came from. */
export interface Captured {
  readonly where: string;
  readonly text: string;
}

/** The forms of a canary worth searching for: as is, URL-encoded, base64 (as in Basic auth) and JSON-escaped. */
export function canaryForms(canary: string): string[] {
  return [
    canary,
    encodeURIComponent(canary),
    Buffer.from(canary).toString("base64"),
    JSON.stringify(canary).slice(1, -1),
  ].filter((v, i, all) => all.indexOf(v) === i);
}

/** Collects texts to scan. */
export class Capture {
  readonly items: Captured[] = [];

  add(where: string, text: string): void {
    this.items.push({ where, text });
  }

  /** An error in every form it may be shown: message, String(), stack, JSON, inspect (causes included). */
  error(where: string, error: unknown): void {
    this.add(`${where}: String(error)`, String(error));
    if (error instanceof Error) {
      this.add(`${where}: message`, error.message);
      this.add(`${where}: stack`, error.stack ?? "");
    }
    let json: string;
    try {
      json = JSON.stringify(error) ?? "";
    } catch (e) {
      json = `JSON.stringify threw ${String(e)}`;
    }
    this.add(`${where}: JSON.stringify(error)`, json);
    this.add(`${where}: util.inspect(error)`, inspect(error, { depth: 20, showHidden: true, getters: true }));
    let cause = (error as { cause?: unknown } | null)?.cause;
    for (let depth = 1; cause !== undefined && depth < 10; depth++) {
      this.add(`${where}: cause #${depth}`, `${String(cause)} ${inspect(cause, { depth: 20 })}`);
      cause = (cause as { cause?: unknown } | null)?.cause;
    }
  }

  file(where: string, path: string): void {
    this.add(where, readFileSync(path, "utf8"));
  }

  /** Every capture containing any form of any canary, with the form found. */
  leaks(canaries: readonly string[]): { where: string; form: string; excerpt: string }[] {
    const out: { where: string; form: string; excerpt: string }[] = [];
    for (const item of this.items) {
      for (const canary of canaries) {
        for (const form of canaryForms(canary)) {
          const at = item.text.indexOf(form);
          if (at >= 0) {
            out.push({
              where: item.where,
              form: form === canary ? "verbatim" : form,
              excerpt: item.text
                .slice(Math.max(0, at - 80), at + form.length + 40)
                .replaceAll(canary, "<CANARY>"),
            });
          }
        }
      }
    }
    return out;
  }
}
