/**
 * The usage computation against a brute-force oracle: every second of the period is looked at on its own,
 * the row covering it found by scanning, and its bucket named by Intl (the local calendar label plus the
 * UTC offset, so a repeated DST hour is two buckets). Thousands of generated histories, every bucket size,
 * zones with DST changes (and a 30-minute DST, and a DST change at midnight) inside the period.
 */
import { seededRandom } from "@meterkit/core/testing";
import { describe, expect, it } from "vitest";
import type { Entity } from "../../src/index.js";
import { computeUsage } from "../../src/index.js";

type Size = "hour" | "day" | "month" | "period";

// Instants where calendar things happen (each window is two hours around it).
const SCENARIOS: { zone: string; at: string; why: string }[] = [
  { zone: "UTC", at: "2026-03-01T00:00:00Z", why: "month start" },
  { zone: "America/New_York", at: "2026-03-08T07:00:00Z", why: "spring forward 02:00 → 03:00" },
  { zone: "America/New_York", at: "2026-11-01T06:00:00Z", why: "fall back: 01:00 twice" },
  { zone: "Europe/Berlin", at: "2026-10-25T01:00:00Z", why: "fall back" },
  { zone: "Australia/Lord_Howe", at: "2026-04-04T15:00:00Z", why: "30-minute DST end" },
  { zone: "America/Santiago", at: "2026-04-05T03:00:00Z", why: "DST end at midnight" },
  { zone: "Asia/Kolkata", at: "2026-05-31T18:30:00Z", why: "+05:30 month start" },
];
const SIZES: Size[] = ["hour", "day", "month", "period"];
const HISTORIES = 150; // × 7 scenarios × 4 sizes = 4,200 histories

function labeller(zone: string, size: Size): (second: number) => string {
  const fmt = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    timeZoneName: "longOffset",
  });
  return (second) => {
    if (size === "period") return "period";
    const p = Object.fromEntries(fmt.formatToParts(second * 1000).map((x) => [x.type, x.value]));
    if (size === "month") return `${p.year}-${p.month}`;
    if (size === "day") return `${p.year}-${p.month}-${p.day}`;
    return `${p.year}-${p.month}-${p.day}T${p.hour} ${p.timeZoneName}`;
  };
}

const FLAVORS = ["m1.small", "m1.large"];
const TYPES = ["ssd", null];

function history(rand: () => number, from: number, to: number, id: string): Entity[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const volume = rand() < 0.5;
  const rows: Entity[] = [];
  // Starts up to 20 minutes before the period; rows of 0–50 minutes with sub-second edges; gaps sometimes.
  let t = (from - 1200 + Math.floor(rand() * (to - from))) * 1000 + Math.floor(rand() * 1000);
  const n = 1 + Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    const length = rand() < 0.1 ? 0 : Math.floor(rand() * 3_000_000);
    const open = i === n - 1 && rand() < 0.3;
    const end = open ? null : new Date(t + length);
    const base = {
      entityId: id,
      projectId: "p",
      name: id,
      start: new Date(t),
      end,
      lastEvent: new Date(t),
      processed: null,
    };
    rows.push(
      volume
        ? {
            ...base,
            entityType: "volume",
            size: pick([1, 10, 2.5]),
            volumeType: pick(TYPES),
            attachedTo: rand() < 0.5 ? ["vm"] : [],
          }
        : {
            ...base,
            entityType: "instance",
            flavor: pick(FLAVORS),
            imageMeta: { distro: pick(["ubuntu", "debian"]) },
            metadata: {},
          },
    );
    if (end === null) break;
    t += length + (rand() < 0.3 ? Math.floor(rand() * 600_000) : 0);
  }
  return rows.sort(() => rand() - 0.5); // the computation must not rely on the order rows come in
}

function dimension(row: Entity): string {
  return row.entityType === "instance"
    ? `${row.flavor}|${String(row.imageMeta.distro)}`
    : `${row.volumeType}|${row.size}|${row.attachedTo.length > 0}`;
}

/** Seconds per "label / dimension", by looking at each second alone. */
function oracle(
  rows: readonly Entity[],
  from: number,
  to: number,
  label: (s: number) => string[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (let s = from; s < to; s++) {
    for (const row of rows) {
      const start = Math.floor(row.start.getTime() / 1000);
      const end = row.end === null ? Number.POSITIVE_INFINITY : Math.floor(row.end.getTime() / 1000);
      if (start <= s && s < end) {
        const key = `${label(s)[0]} / ${dimension(row)}`;
        out.set(key, (out.get(key) ?? 0) + 1);
      }
    }
  }
  return out;
}

describe.each(SCENARIOS.map((s, i) => ({ ...s, i })))(
  "usage vs a per-second oracle in $zone ($why)",
  ({ zone, at, i }) => {
    it.each(SIZES)("by %s", (size) => {
      const rand = seededRandom(1000 * i + SIZES.indexOf(size));
      const centre = Date.parse(at) / 1000;
      const from = centre - 3600;
      const to = centre + 3600;
      const label = labeller(zone, size);
      const labels = Array.from({ length: to - from }, (_, i) => [label(from + i)]);
      const at_ = (s: number) => labels[s - from] as string[];
      for (let h = 0; h < HISTORIES; h++) {
        const rows = history(rand, from, to, `e${h}`);
        const usage = computeUsage(rows, {
          from: new Date(from * 1000),
          to: new Date(to * 1000),
          by: size,
          timeZone: zone,
          byOs: true,
        });
        const got = new Map<string, number>();
        for (const u of usage) {
          const b0 = u.bucketStart.getTime() / 1000;
          const b1 = u.bucketEnd.getTime() / 1000;
          // A bucket is one calendar label from end to end.
          expect(at_(b0)[0]).toBe(at_(b1 - 1)[0]);
          const dim =
            u.entityType === "instance"
              ? `${u.flavor}|${u.os?.distro}`
              : `${u.volumeType}|${u.sizeGb}|${u.attached}`;
          const key = `${at_(b0)[0]} / ${dim}`;
          expect(got.has(key), `${key} reported twice`).toBe(false);
          got.set(key, u.seconds);
        }
        expect(got).toEqual(oracle(rows, from, to, at_));
      }
    });
  },
);
