import { describe, expect, it } from "vitest";
import { convertDatetime, type DateInput, fixedClock } from "../src/index.js";
import { decodeArgs, ERROR_CLASSES, type ErrorExpectation, loadVectors } from "./helpers/vectors.js";

interface RfcVector {
  input: unknown;
  category: string;
  now: string;
  note?: string;
  ok: boolean;
  expected: unknown;
}

// Skipped on purpose (see README "Conformance"): `platform` is a glibc strftime artefact
// (years < 1000 unpadded). Free-form (`dateutil-lenient`) text is read with the vector's frozen
// clock, as the original's dateutil fills gaps from today.
const SKIPPED = new Set(["platform"]);

for (const file of ["rfc3339.json", "rfc3339_provider.json"]) {
  const vectors = loadVectors<RfcVector>(file);

  describe(`${file} conformance`, () => {
    it("has vectors", () => {
      expect(vectors.filter((v) => !SKIPPED.has(v.category)).length).toBeGreaterThan(0);
    });

    vectors.forEach((vector, index) => {
      const title = `#${index} ${vector.category} ${JSON.stringify(vector.input)}`;
      it.skipIf(SKIPPED.has(vector.category))(title, () => {
        const input = decodeArgs(vector.input) as DateInput;
        if (vector.ok) {
          expect(convertDatetime(input, "dt", { clock: fixedClock(vector.now) })).toBe(vector.expected);
        } else {
          const expected = vector.expected as ErrorExpectation;
          let caught: unknown;
          try {
            convertDatetime(input, "dt", { clock: fixedClock(vector.now) });
          } catch (error) {
            caught = error;
          }
          expect(caught, `expected ${expected.error}`).toBeInstanceOf(Error);
          expect((caught as Error).constructor).toBe(ERROR_CLASSES[expected.error]);
        }
      });
    });
  });
}
