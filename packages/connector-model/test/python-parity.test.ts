import { describe, expect, it } from "vitest";
import { InvalidValueError, Logger, parseIsoDateTime, Volume } from "../src/index.js";

// Expected values are what Python 3 prints for the same input.
describe("Python text rules (from @meterkit/core/python)", () => {
  function logged(body: unknown): string {
    let out = "";
    new Logger({
      context: { moduleId: null, log: () => undefined },
      customerId: "c",
      accountId: 5,
      stdout: { write: (text: string) => (out += text) },
    }).info(body);
    return out;
  }

  it("logs dicts and lists as str() prints them, and a datetime as str(datetime)", () => {
    const prefix = "info\tTarget(customer: c,account: 5, resource: None): ";
    expect(logged({ msg: "hi", n: null })).toBe(`${prefix}{'msg': 'hi', 'n': None}\n`);
    expect(logged([1, "a", 2.5])).toBe(`${prefix}[1, 'a', 2.5]\n`);
    expect(logged(1e-5)).toBe(`${prefix}1e-05\n`);
    expect(logged(parseIsoDateTime("2017-06-15T12:00:00+05:30"))).toBe(
      `${prefix}2017-06-15 12:00:00+05:30\n`,
    );
  });

  it("reads Volume.iops as int() does: Unicode digits and whitespace, repr() in the message", () => {
    const iops = (value: string) => {
      const volume = new Volume({ id: "v", name: "v", iops: value }).serialize();
      return JSON.stringify(volume).match(/"iops":(\d+)/)?.[1];
    };
    expect(iops(" \u0664\u0660\u0669\u0666 ")).toBe("4096");
    expect(iops("1_000")).toBe("1000");
    expect(() => iops("a'b")).toThrow(InvalidValueError);
    expect(() => iops("a'b")).toThrow(`iops: invalid literal for int() with base 10: "a'b"`);
  });
});
