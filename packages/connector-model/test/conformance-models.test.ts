import { describe, expect, it } from "vitest";
import { fixedClock, type Serializable, serializeList } from "../src/index.js";
import {
  applyCall,
  build,
  decodeArgs,
  decodeExpected,
  ERROR_CLASSES,
  type ErrorExpectation,
  keyOrderDiff,
  loadVectors,
  type Vector,
} from "./helpers/vectors.js";

type Phase = "construct" | "call" | "serialize";

function run(vector: Vector): { phase: Phase; error: unknown } | { value: unknown } {
  const clock = fixedClock(vector.now);
  let phase: Phase = "construct";
  try {
    if (vector.class === "serialize_list") {
      const items = decodeArgs(vector.args.data) as Serializable[];
      phase = "serialize";
      return { value: serializeList(items, { clock }) };
    }
    let target = build(vector.class, vector.args, vector.calls) as Serializable;
    if (vector.method !== undefined) {
      phase = "call";
      target = applyCall(target as object, vector.method, vector.method_args ?? {}) as Serializable;
    }
    phase = "serialize";
    return { value: target.serialize({ clock }) };
  } catch (error) {
    return { phase, error };
  }
}

const vectors = loadVectors("models.json");

describe("models.json conformance", () => {
  it("has vectors", () => {
    expect(vectors.length).toBeGreaterThan(0);
  });

  vectors.forEach((vector, index) => {
    const title = `#${index} ${vector.class}${vector.method ? `.${vector.method}` : ""}${vector.note ? ` (${vector.note})` : ""}`;
    it(title, () => {
      const outcome = run(vector);
      if (vector.ok) {
        if ("error" in outcome) throw outcome.error;
        const expected = decodeExpected(vector.expected);
        expect(outcome.value).toEqual(expected);
        expect(keyOrderDiff(outcome.value, expected)).toBeUndefined();
      } else {
        const expected = vector.expected as ErrorExpectation;
        expect("error" in outcome, `expected ${expected.error}: ${expected.message}`).toBe(true);
        if (!("error" in outcome)) return;
        const error = outcome.error as Error;
        expect(error.constructor, `${error.message}`).toBe(ERROR_CLASSES[expected.error]);
        expect(error.message.startsWith("[@meterkit/connector-model] ")).toBe(true);
        expect(outcome.phase).toBe(expected.phase);
      }
    });
  });
});
