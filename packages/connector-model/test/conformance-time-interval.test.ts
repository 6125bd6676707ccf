import { describe, expect, it } from "vitest";
import { fixedClock, type PreciseDateTime, setupTimeInterval, type TimeIntervalEvent } from "../src/index.js";
import {
  camelKeys,
  decodeArgs,
  decodeExpected,
  ERROR_CLASSES,
  type ErrorExpectation,
  loadVectors,
} from "./helpers/vectors.js";

interface IntervalVector {
  now: string;
  event: Record<string, unknown>;
  kwargs: Record<string, unknown>;
  with_logger: boolean;
  note?: string;
  ok: boolean;
  expected:
    | { start_time: unknown; end_time: unknown; logger_calls: [string, string][] | null }
    | ErrorExpectation;
}

/** The caller's logger: records what setupTimeInterval sends it. */
class RecordingLogger {
  readonly calls: [string, string][] = [];
  info(message: string): void {
    this.calls.push(["info", message]);
  }
}

const vectors = loadVectors<IntervalVector>("time_interval.json");

describe("time_interval.json conformance", () => {
  it("has vectors", () => {
    expect(vectors.length).toBeGreaterThan(0);
  });

  vectors.forEach((vector, index) => {
    it(`#${index} ${vector.note ?? JSON.stringify(vector.event)}`, () => {
      const logger = vector.with_logger ? new RecordingLogger() : null;
      const event = decodeArgs(vector.event) as TimeIntervalEvent;
      const options = {
        ...camelKeys(decodeArgs(vector.kwargs) as Record<string, unknown>),
        logger,
        clock: fixedClock(vector.now),
      };
      let outcome: readonly [PreciseDateTime, PreciseDateTime] | undefined;
      let caught: unknown;
      try {
        outcome = setupTimeInterval(event, options);
      } catch (error) {
        caught = error;
      }
      if (vector.ok) {
        if (caught !== undefined) throw caught;
        const expected = vector.expected as { start_time: unknown; end_time: unknown; logger_calls: unknown };
        const [start, end] = outcome!;
        expect(start.naive && end.naive).toBe(true);
        expect(start.toString()).toBe((decodeExpected(expected.start_time) as PreciseDateTime).toString());
        expect(end.toString()).toBe((decodeExpected(expected.end_time) as PreciseDateTime).toString());
        expect(logger?.calls ?? null).toEqual(expected.logger_calls);
      } else {
        const expected = vector.expected as ErrorExpectation;
        expect(caught, `expected ${expected.error}: ${expected.message}`).toBeInstanceOf(Error);
        expect((caught as Error).constructor).toBe(ERROR_CLASSES[expected.error]);
        expect(logger?.calls ?? null).toEqual(expected.logger_calls ?? null);
      }
    });
  });
});
