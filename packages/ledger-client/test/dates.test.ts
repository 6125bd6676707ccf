import { describe, expect, it } from "vitest";
import {
  formatBodyDate,
  formatQueryDate,
  formatServerDate,
  parseServerDate,
  toInstant,
} from "../src/dates.js";

const body = (v: Date | string) => formatBodyDate(toInstant(v)!);

describe("dates", () => {
  it("formats a Date in the body and query formats, in UTC", () => {
    const d = new Date(Date.UTC(2017, 4, 9, 14, 19, 14, 5));
    expect(body(d)).toBe("2017-05-09T14:19:14.005000Z");
    expect(formatQueryDate(toInstant(d)!)).toBe("2017-05-09 14:19:14.005000");
  });

  it("converts offsets to UTC (the reference sent the wall time with Z)", () => {
    expect(body("2017-01-01T10:00:00+02:00")).toBe("2017-01-01T08:00:00.000000Z");
    expect(body("2017-01-01T00:30:00-05:30")).toBe("2017-01-01T06:00:00.000000Z");
  });

  it("keeps the microseconds of a string, which a Date cannot hold", () => {
    expect(body("2017-05-15T18:31:42.123456Z")).toBe("2017-05-15T18:31:42.123456Z");
    expect(body("2017-05-15T18:31:42.1234567Z")).toBe("2017-05-15T18:31:42.123456Z");
  });

  it("reads strings without offset as UTC, date-only and space-separated forms included", () => {
    expect(body("2017-01-01")).toBe("2017-01-01T00:00:00.000000Z");
    expect(body("2017-01-01 08:00")).toBe("2017-01-01T08:00:00.000000Z");
  });

  it.each(["2017-02-30", "not a date", "2017-13-01", "2017-01-01T25:00", ""])("refuses %j", (text) => {
    expect(toInstant(text)).toBeUndefined();
  });

  it("refuses an invalid Date", () => {
    expect(toInstant(new Date(Number.NaN))).toBeUndefined();
  });

  it("round-trips the server's format (fraction omitted when zero)", () => {
    for (const text of ["2017-05-15 18:31:42.123000+00:00", "2017-05-09 14:19:14+00:00"]) {
      expect(formatServerDate(parseServerDate(text)!)).toBe(text);
    }
  });
});
