import { describe, expect, it } from "vitest";
import {
  convertDatetime,
  DateParseError,
  type DateQuirk,
  fixedClock,
  InvalidTypeError,
  IpAddress,
  Server,
  serializeList,
  setupTimeInterval,
  Volume,
} from "../src/index.js";

const clock = fixedClock("2019-03-04T05:06:07.123456");

function quirksOf(text: string): DateQuirk["kind"][] {
  const seen: DateQuirk[] = [];
  convertDatetime(text, "createdAt", { clock, onQuirk: (q) => seen.push(q) });
  for (const q of seen) expect(q).toMatchObject({ input: text, field: "createdAt" });
  return seen.map((q) => q.kind);
}

describe("quirk hook", () => {
  it("reports the readings that may hide a wrong time", () => {
    expect(quirksOf("2017-02-04 12:00:00 EST")).toEqual(["ignored-zone"]);
    expect(quirksOf("2017-02-04 12:00:00 UTC+2")).toEqual(["posix-sign"]);
    expect(quirksOf("04.02.2017 12:00")).toEqual(["month-first"]);
    expect(quirksOf("Saturday, 04-Feb-17 12:00:00 GMT")).toEqual(["two-digit-year"]);
    expect(quirksOf("10:30")).toEqual(["filled-from-now"]);
  });

  it("stays silent for unambiguous text", () => {
    expect(quirksOf("Sat, 04 Feb 2017 12:00:00 GMT")).toEqual([]);
    expect(quirksOf("25/12/2017")).toEqual([]);
    expect(quirksOf("2017-02-04T12:00:00Z")).toEqual([]);
  });
});

describe("a provider date in a resource", () => {
  const server = (id: string, providerCreatedAt: string) =>
    new Server({ id, name: id, providerCreatedAt, clock });

  it("is read like the original (RFC 2822 from a provider)", () => {
    const [out] = serializeList([server("vm-1", "Sat, 04 Feb 2017 12:00:00 GMT")]) as {
      base: { provider_created_at: string };
    }[];
    expect(out?.base.provider_created_at).toBe("2017-02-04T12:00:00Z");
  });

  it("that cannot be read fails with a DateParseError naming the resource", () => {
    const items = [server("vm-1", "2017-02-04T12:00:00Z"), server("vm-2", "N/A")];
    let caught: unknown;
    try {
      serializeList(items);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DateParseError);
    expect((caught as DateParseError).message).toContain("'vm-2'");
    expect((caught as DateParseError).message).toContain("Unknown string format: N/A");
    expect((caught as DateParseError).field).toBe("providerCreatedAt");
  });
});

describe("silent surprises", () => {
  it("a single IpAddress not in an array raises, as the original does", () => {
    const ip = new IpAddress({ ipAddress: "10.0.0.1" });
    const server = new Server({ id: "s", name: "s", ipAddresses: ip as unknown as IpAddress[], clock });
    expect(() => server.serialize()).toThrow(InvalidTypeError);
    expect(() => server.serialize()).toThrow(/not iterable/);
  });

  it("setupTimeInterval treats { skew: undefined } as not given", () => {
    const event = { poll_interval: 60 };
    const given = setupTimeInterval(event, { clock, skew: undefined, initialInterval: undefined });
    expect(given).toEqual(setupTimeInterval(event, { clock }));
  });

  it("a bigint iops serializes to JSON", () => {
    const volume = new Volume({ id: "v", name: "v", iops: 3000n, clock });
    expect(JSON.parse(JSON.stringify(volume.serialize())).details.volume.iops).toBe(3000);
  });
});
