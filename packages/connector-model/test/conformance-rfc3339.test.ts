import { describe, expect, it } from "vitest";
import { convertDatetime, type DateInput } from "../src/index.js";
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
// (years < 1000 unpadded); `dateutil-lenient` is free-form text whose gaps dateutil fills from
// today's date, which this port rejects with DateParseError instead of guessing.
const SKIPPED = new Set(["platform", "dateutil-lenient"]);

const vectors = loadVectors<RfcVector>("rfc3339.json");

describe("rfc3339.json conformance", () => {
  it("has vectors", () => {
    expect(vectors.filter((v) => !SKIPPED.has(v.category)).length).toBeGreaterThan(0);
  });

  vectors.forEach((vector, index) => {
    const title = `#${index} ${vector.category} ${JSON.stringify(vector.input)}`;
    it.skipIf(SKIPPED.has(vector.category))(title, () => {
      const input = decodeArgs(vector.input) as DateInput;
      if (vector.ok) {
        expect(convertDatetime(input)).toBe(vector.expected);
      } else {
        const expected = vector.expected as ErrorExpectation;
        let caught: unknown;
        try {
          convertDatetime(input);
        } catch (error) {
          caught = error;
        }
        expect(caught, `expected ${expected.error}`).toBeInstanceOf(Error);
        expect((caught as Error).constructor).toBe(ERROR_CLASSES[expected.error]);
      }
    });
  });

  it("rejects free-form dateutil input with DateParseError instead of guessing", () => {
    for (const vector of vectors.filter((v) => v.category === "dateutil-lenient")) {
      const input = decodeArgs(vector.input) as DateInput;
      let result: unknown;
      try {
        result = convertDatetime(input);
      } catch (error) {
        result = error;
      }
      // Either the same answer as dateutil (plain ISO variants) or a typed parse error.
      if (typeof result === "string") expect(result).toBe(vector.expected);
      else expect((result as Error).name).toBe("DateParseError");
    }
  });
});
