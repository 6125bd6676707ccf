/** Every case Almanach produces, one test each, with the quantity rule for hours. */
import { isSdkError } from "@meterkit/core";
import { describe, expect, it } from "vitest";
import type { Entity, InstanceEntity, VolumeEntity } from "../../src/index.js";
import { computeUsage, OverlappingRowsError } from "../../src/index.js";

const d = (text: string) => new Date(text);
const period = { from: d("2026-05-01T00:00:00Z"), to: d("2026-05-03T00:00:00Z") };

function vm(start: string, end: string | null, extra: Partial<InstanceEntity> = {}): InstanceEntity {
  return {
    entityId: "vm-1",
    projectId: "t",
    name: "web",
    entityType: "instance",
    flavor: "m1.small",
    imageMeta: { distro: "ubuntu", version: "24.04", type: "linux" },
    metadata: {},
    start: d(start),
    end: end === null ? null : d(end),
    lastEvent: d(start),
    processed: null,
    ...extra,
  };
}

function vol(start: string, end: string | null, extra: Partial<VolumeEntity> = {}): VolumeEntity {
  return {
    entityId: "vol-1",
    projectId: "t",
    name: "data",
    entityType: "volume",
    size: 10,
    volumeType: "ssd",
    attachedTo: [],
    start: d(start),
    end: end === null ? null : d(end),
    lastEvent: d(start),
    processed: null,
    ...extra,
  };
}

const summary = (rows: Entity[], by: "day" | "period" = "period") =>
  computeUsage(rows, { ...period, by }).map((u) => ({
    at: u.bucketStart.toISOString().slice(0, 10),
    seconds: u.seconds,
    ...(u.entityType === "instance"
      ? { flavor: u.flavor, hours: u.hours.value }
      : { gbHours: u.gbHours.value, attached: u.attached }),
  }));

describe("computeUsage", () => {
  it("clips a row that starts before the period to the period's start", () => {
    expect(summary([vm("2026-04-20T00:00:00Z", "2026-05-01T06:00:00Z")])).toEqual([
      { at: "2026-05-01", seconds: 21_600, flavor: "m1.small", hours: "6" },
    ]);
  });

  it("runs an open row (end: null) to the period's end", () => {
    expect(summary([vm("2026-05-02T12:00:00Z", null)])).toEqual([
      { at: "2026-05-01", seconds: 43_200, flavor: "m1.small", hours: "12" },
    ]);
  });

  it("splits a resize into one record per flavor, and a rebuild with the same flavor into one", () => {
    const rows = [
      vm("2026-05-01T00:00:00Z", "2026-05-01T01:00:00Z"),
      vm("2026-05-01T01:00:00Z", "2026-05-01T02:00:00Z", { flavor: "m1.large" }),
      vm("2026-05-01T02:00:00Z", "2026-05-01T03:30:00Z", {
        flavor: "m1.large",
        imageMeta: { distro: "debian" },
      }),
    ];
    expect(summary(rows)).toEqual([
      { at: "2026-05-01", seconds: 3600, flavor: "m1.small", hours: "1" },
      { at: "2026-05-01", seconds: 9000, flavor: "m1.large", hours: "2.5" },
    ]);
    const byOs = computeUsage(rows, { ...period, byOs: true }).map(
      (u) => u.entityType === "instance" && u.os?.distro,
    );
    expect(byOs).toEqual(["ubuntu", "ubuntu", "debian"]);
  });

  it("bills a deleted entity up to its deletion, and nothing for a zero-length row", () => {
    const rows = [
      vm("2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z"),
      vm("2026-05-01T00:00:00Z", "2026-05-01T00:00:09Z"),
    ];
    expect(summary(rows)).toEqual([{ at: "2026-05-01", seconds: 9, flavor: "m1.small", hours: "0.0025" }]);
  });

  it("counts whole seconds: microsecond edges of abutting rows neither gap nor double count", () => {
    const rows = [
      vm("2026-05-01T00:00:00.900Z", "2026-05-01T00:00:10.500Z"),
      vm("2026-05-01T00:00:10.500Z", "2026-05-01T00:00:20.100Z"),
    ];
    expect(computeUsage(rows, period)[0]?.seconds).toBe(20);
  });

  it("refuses overlapping rows of one entity, naming both", () => {
    const a = vm("2026-05-01T00:00:00Z", "2026-05-01T02:00:00Z");
    const b = vm("2026-05-01T01:00:00Z", null, { metadata: { secret: "x" } });
    let error: unknown;
    try {
      computeUsage([b, a], period);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OverlappingRowsError);
    expect(isSdkError(error, "overlapping_rows")).toBe(true);
    expect((error as Error).message).toBe(
      "[@meterkit/ledger-client] entity vm-1: rows [2026-05-01T00:00:00.000Z, 2026-05-01T02:00:00.000Z) and [2026-05-01T01:00:00.000Z, open) overlap (an entity is billed once per second)",
    );
    expect((error as OverlappingRowsError).second).toEqual({ entityId: "vm-1", start: b.start, end: null });
  });

  it("gives no record for an entity with no rows in the period", () => {
    expect(
      summary([vm("2026-04-01T00:00:00Z", "2026-04-02T00:00:00Z"), vm("2026-06-01T00:00:00Z", null)]),
    ).toEqual([]);
  });

  it("splits volumes by attachment state and computes exact GB-hours (string sizes too)", () => {
    const rows = [
      vol("2026-05-01T00:00:00Z", "2026-05-01T12:00:00Z"),
      vol("2026-05-01T12:00:00Z", "2026-05-02T06:00:00Z", { attachedTo: ["vm-1"], size: "2.5" }),
    ];
    expect(summary(rows, "day")).toEqual([
      { at: "2026-05-01", seconds: 43_200, gbHours: "120", attached: false },
      { at: "2026-05-01", seconds: 43_200, gbHours: "30", attached: true },
      { at: "2026-05-02", seconds: 21_600, gbHours: "15", attached: true },
    ]);
  });

  it("rounds hours half-even to 6 places only when seconds / 3600 does not terminate, and says so", () => {
    const [one] = computeUsage([vm("2026-05-01T00:00:00Z", "2026-05-01T00:00:01Z")], period);
    expect(one?.entityType === "instance" && one.hours).toEqual({ value: "0.000278", exact: false });
    const [nine] = computeUsage([vm("2026-05-01T00:00:00Z", "2026-05-01T00:00:18Z")], period);
    expect(nine?.entityType === "instance" && nine.hours).toEqual({ value: "0.005", exact: true });
  });

  it("names the bad field before computing anything", () => {
    expect(() => computeUsage([], { ...period, timeZone: "Mars/Olympus" })).toThrow(/timeZone/);
    expect(() => computeUsage([], { from: period.to, to: period.from })).toThrow(/to: must be at least/);
    expect(() => computeUsage([vol("2026-05-01T00:00:00Z", null, { size: "big" })], period)).toThrow(/size/);
  });
});

describe("hours without a Decimal", () => {
  it("agree with decimal.js on every second of a day and on large and random values", async () => {
    const { decimalHours, integerHours } = await import("../../src/usage/quantity.js");
    const values = Array.from({ length: 86_401 }, (_, i) => i);
    for (let i = 0; i < 20_000; i++) values.push(Math.floor(Math.random() * 2.9e12));
    values.push(2_999_999_999_999, 2_999_999_999_991);
    for (const n of values) expect(integerHours(n), String(n)).toEqual(decimalHours(n));
  });
});
