/** Turns operation tables into vitest cases: one `it` per generated input, counted in a {@link Tally}. */
import { describe, expect, it } from "vitest";
import { expectEncoded, expectGap, expectRefused } from "./assertions.js";
import { casesOf, type Operation } from "./operation-table.js";
import type { RecordingServer } from "./recording-server.js";
import type { Tally } from "./tally.js";
import { arrivedVerbatim } from "./wire.js";

/** Declare the cases of every operation of one package. */
export function describeOperations(
  pkg: string,
  operations: readonly Operation[],
  server: () => RecordingServer,
  tally: Tally,
): void {
  for (const op of operations) {
    describe(op.name, () => {
      it.each(casesOf(op).map((k) => [k.title, k] as const))("%s", async (_title, k) => {
        const e = k.expect;
        if ("refuse" in e) {
          if (e.gap !== undefined) {
            const got = await expectGap(server(), () => op.call(k.input), e.refuse);
            tally.record(pkg, "gap", { reason: e.gap, where: `${op.name} (${got.split(":")[0]})` });
          } else {
            await expectRefused(server(), () => op.call(k.input), {
              pkg,
              field: e.refuse,
              ...(e.inMessage ? { inMessage: true } : {}),
            });
            tally.record(pkg, "refused");
          }
          return;
        }
        const request = await expectEncoded(server(), () => op.call(k.input), e.encode);
        if (e.verbatim === undefined) return;
        const verbatim = arrivedVerbatim(request, e.verbatim);
        if (e.gap !== undefined) {
          expect(verbatim, `gap fixed (${e.gap}): move this case to the strict table`).toBe(false);
          tally.record(pkg, "gap", { reason: e.gap, where: op.name });
        } else {
          expect(verbatim, "the value arrives verbatim").toBe(true);
          tally.record(pkg, "encoded");
        }
      });
    });
  }
}
