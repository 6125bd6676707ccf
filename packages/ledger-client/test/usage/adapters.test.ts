/** The adapters: the shapes CloudKitty quotes and Waldur takes (the demo prices them through both engines). */
import { describe, expect, it } from "vitest";
import type { InstanceEntity, VolumeEntity } from "../../src/index.js";
import { computeUsage, toComponentUsages, toRatingResources } from "../../src/index.js";

const base = { projectId: "t", name: "x", lastEvent: new Date(0), processed: null };
const vm: InstanceEntity = {
  ...base,
  entityId: "vm",
  entityType: "instance",
  flavor: "m1.small",
  imageMeta: {},
  metadata: {},
  start: new Date("2026-05-01T00:00:00Z"),
  end: new Date("2026-05-01T00:00:01Z"),
};
const vol: VolumeEntity = {
  ...base,
  entityId: "vol",
  entityType: "volume",
  size: 3,
  volumeType: "ssd",
  attachedTo: [],
  start: new Date("2026-05-01T00:00:00Z"),
  end: new Date("2026-05-01T10:00:00Z"),
};
const usage = computeUsage([vm, vol], {
  from: new Date("2026-05-01Z"),
  to: new Date("2026-05-02Z"),
});

describe("adapters", () => {
  it("makes one CloudKitty rating resource per usage record", () => {
    expect(toRatingResources(usage, { services: { instance: "compute", volume: "volume" } })).toEqual([
      { service: "compute", volume: "0.000278", desc: { metadata: { flavor_id: "m1.small" } } },
      { service: "volume", volume: "30", desc: { metadata: { size: 3, volume_type: "ssd" } } },
    ]);
  });

  it("sums exact seconds per Waldur component, rounding once half-even", () => {
    const twice = computeUsage([vm, { ...vm, entityId: "vm2" }, vol], {
      from: new Date("2026-05-01Z"),
      to: new Date("2026-05-02Z"),
    });
    expect(
      toComponentUsages(twice, { components: { instance: "cpu_hours", volume: "gb_hours" }, places: 2 }),
    ).toEqual([
      { type: "cpu_hours", amount: "0.00", description: "instance hours" },
      { type: "gb_hours", amount: "30.00", description: "volume GB-hours" },
    ]);
    expect(toComponentUsages([], { components: { instance: "a", volume: "b" } })).toEqual([]);
  });
});
