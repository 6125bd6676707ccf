import { pyFloatRepr } from "@meterkit/core/python";
import { describe, expect, it } from "vitest";
import {
  convertDatetime,
  fixedClock,
  InvalidTypeError,
  OutOfRangeError,
  PreciseDateTime,
  parseIsoDateTime,
  Region,
  Resource,
  strptime,
  systemClock,
} from "../src/index.js";
import { secondsToMicroseconds } from "../src/time/timedelta.js";

describe("PreciseDateTime", () => {
  it("keeps microseconds that Date cannot", () => {
    const t = parseIsoDateTime("2017-06-15T12:00:00.123456+05:30");
    expect(t.microsecond).toBe(123456);
    expect(t.toRfc3339()).toBe("2017-06-15T06:30:00.123456Z");
    expect(t.toString()).toBe("2017-06-15 12:00:00.123456+05:30");
    expect(t.toDate().toISOString()).toBe("2017-06-15T06:30:00.123Z");
  });

  it("converts a Date as a UTC instant", () => {
    const date = new Date(Date.UTC(2019, 2, 4, 5, 6, 7, 123));
    expect(convertDatetime(date)).toBe("2019-03-04T05:06:07.123000Z");
    expect(convertDatetime(new Date(Date.UTC(2019, 2, 4, 5, 6, 7)))).toBe("2019-03-04T05:06:07Z");
    expect(PreciseDateTime.fromDate(date).toRfc3339()).toBe("2019-03-04T05:06:07.123000Z");
  });

  it("validates fields and ranges with typed errors", () => {
    expect(() => new PreciseDateTime({ year: 2017, month: 2, day: 29 })).toThrow(/day must be in 1\.\.28/);
    expect(() => parseIsoDateTime("2017-01-01T00:00:00+01:00").plusMicroseconds(-(10n ** 18n))).toThrow(
      OutOfRangeError,
    );
    expect(() => convertDatetime(1486166400 as never)).toThrow(InvalidTypeError);
    expect(convertDatetime("Jan 2 2017")).toBe("2017-01-02T00:00:00Z");
  });

  it("reads an injected clock per instance or per call", () => {
    const resource = new Resource({
      id: "r",
      name: "n",
      type: "t",
      clock: fixedClock("2019-03-04T05:06:07.5"),
    });
    expect(resource.serialize().base.last_seen_at).toBe("2019-03-04T05:06:07.500000Z");
    const later = fixedClock(new Date(Date.UTC(2020, 0, 1)));
    expect(resource.serialize({ clock: later }).base.last_seen_at).toBe("2020-01-01T00:00:00Z");
  });

  it("defaults to the system clock", () => {
    const before = Date.now();
    const stamp = new Resource({ id: "r", name: "n", type: "t", region: new Region({ id: "x" }) }).serialize()
      .base.last_seen_at;
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z$/);
    expect(Date.parse(stamp)).toBeGreaterThanOrEqual(before - (before % 1000));
    expect(systemClock()).toBeInstanceOf(Date);
  });
});

describe("strptime", () => {
  it("follows Python's rules", () => {
    expect(strptime("06/09/2017 05:00:00.5", "%d/%m/%Y %H:%M:%S.%f").toString()).toBe(
      "2017-09-06 05:00:00.500000",
    );
    expect(strptime("", "").toString()).toBe("1900-01-01 00:00:00");
    expect(strptime("2017-09-06T05:00:00+0100", "%Y-%m-%dT%H:%M:%S%z").offsetSeconds).toBe(3600);
    expect(strptime("3 pm Jul 4 17", "%I %p %b %d %y").toString()).toBe("2017-07-04 15:00:00");
    expect(() => strptime("2017-09-06T05:00:00Z", "%Y-%m-%dT%H:%M:%S.%fZ")).toThrow(/does not match format/);
    expect(() => strptime("2017-09-06x", "%Y-%m-%d")).toThrow(/unconverted data remains: x/);
    expect(() => strptime("2017", "%Q")).toThrow(/bad directive/);
  });
});

describe("Python number semantics", () => {
  it("rounds timedelta seconds half to even like CPython", () => {
    expect(secondsToMicroseconds(5e-7, "s")).toBe(0n);
    expect(secondsToMicroseconds(1.5e-6, "s")).toBe(2n);
    expect(secondsToMicroseconds(2.5e-6, "s")).toBe(2n);
    expect(secondsToMicroseconds(-1.5e-6, "s")).toBe(-2n);
    expect(secondsToMicroseconds(true, "s")).toBe(1_000_000n);
    expect(() => secondsToMicroseconds(null, "skew")).toThrow(InvalidTypeError);
  });

  it("prints floats as Python's repr does", () => {
    expect(pyFloatRepr(1)).toBe("1.0");
    expect(pyFloatRepr(0.16666666666666666)).toBe("0.16666666666666666");
    expect(pyFloatRepr(1e-5)).toBe("1e-05");
    expect(pyFloatRepr(0.0001)).toBe("0.0001");
    expect(pyFloatRepr(1e16)).toBe("1e+16");
    expect(pyFloatRepr(123456789012345.6)).toBe("123456789012345.6");
    expect(pyFloatRepr(-0.001388888888888889)).toBe("-0.001388888888888889");
  });
});
