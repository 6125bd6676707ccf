/**
 * Random local rule sets (no server) for the engine's fast-path and streaming tests: costs the fast path can
 * hold and some it cannot, tenants, groups, thresholds at shared levels, desc values of every JSON type.
 */
import type { DescValue, RuleSet, UsageRecord } from "../../src/index.js";

type Rnd = () => number;
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** A decimal near the fast path's edges: few or many digits, coefficients around 2^53, zeros, big exponents. */
export function edgeDecimal(r: Rnd): string {
  const kind = r();
  const sign = r() < 0.2 ? "-" : "";
  if (kind < 0.1)
    return `${sign}0${pick(r, ["", ".0", ".000", "E-30", "E+5", ".0000000000000000000000000000"])}`;
  if (kind < 0.25) {
    const near = 2n ** 53n + BigInt(Math.floor(r() * 2001) - 1000);
    return `${sign}${near}E${Math.floor(r() * 61) - 30}`;
  }
  if (kind < 0.35) return `${sign}${"9".repeat(1 + Math.floor(r() * 28))}E${Math.floor(r() * 41) - 20}`;
  const digits = 1 + Math.floor(r() * (kind < 0.8 ? 6 : 20));
  let coef = String(1 + Math.floor(r() * 9));
  for (let i = 1; i < digits; i++) coef += Math.floor(r() * 10);
  const zeros = r() < 0.5 ? "0".repeat(Math.floor(r() * 30)) : "";
  return `${sign}${coef}${zeros}E${Math.floor(r() * 71) - 40}`;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** A random local rule set with costs the fast path can hold (and some it cannot), plus usage for it. */
export function drawLocal(r: Rnd) {
  let n = 0;
  const services = ["a", "b", "c𝔘", "c"]
    .slice(0, 1 + Math.floor(r() * 4))
    .map((name) => ({ service_id: uuid(n++), name }));
  const groups = Array.from({ length: Math.floor(r() * 4) }, (_, i) => ({
    group_id: uuid(n++),
    name: `g${i}`,
  }));
  const fields = services.flatMap((s) =>
    ["f0", "f1", "f2"]
      .slice(0, Math.floor(r() * 4))
      .map((name) => ({ field_id: uuid(n++), name, service_id: s.service_id })),
  );
  const cost = () =>
    r() < 0.7
      ? pick(r, ["0", "1", "0.5", "-1", "2.25", "1.21", "0.0001", "0.9", "3", "10"]) +
        (r() < 0.5 ? "0".repeat(Math.floor(r() * 26)) : "")
      : edgeDecimal(r).replace(/E.*$/, "").slice(0, 30);
  const withDot = (x: string) =>
    x.includes(".") || r() < 0.5 ? x : `${x}.${"0".repeat(Math.floor(r() * 28))}`;
  const common = () => ({
    type: pick(r, ["flat", "rate"] as const),
    cost: withDot(cost()),
    group_id: groups.length > 0 && r() < 0.7 ? pick(r, groups).group_id : null,
    tenant_id: r() < 0.15 ? "t1" : null,
  });
  const levels = ["0", "1", "5", "10", "10.00000000", "100", "2048", "-2", "0.5", "4096.5"];
  const mappings = [];
  const thresholds = [];
  for (const s of services) {
    for (let i = Math.floor(r() * 3); i > 0; i--)
      mappings.push({
        mapping_id: uuid(n++),
        value: null,
        service_id: s.service_id,
        field_id: null,
        ...common(),
      });
    for (let i = Math.floor(r() * 3); i > 0; i--)
      thresholds.push({
        threshold_id: uuid(n++),
        level: pick(r, levels),
        service_id: s.service_id,
        field_id: null,
        ...common(),
      });
  }
  for (const f of fields) {
    for (let i = Math.floor(r() * 6); i > 0; i--)
      mappings.push({
        mapping_id: uuid(n++),
        value: pick(r, ["v0", "v1", "4096", "True", "None", "0.5", "[1, 'a']", "{'k': None}"]),
        service_id: null,
        field_id: f.field_id,
        ...common(),
      });
    if (r() < 0.5)
      for (let i = 1 + Math.floor(r() * 4); i > 0; i--)
        thresholds.push({
          threshold_id: uuid(n++),
          level: pick(r, levels),
          service_id: null,
          field_id: f.field_id,
          ...common(),
        });
  }
  const values: DescValue[] = [
    "v0",
    "v1",
    "4096",
    4096,
    0.5,
    true,
    null,
    "2048",
    " 10 ",
    "1e400",
    "-Infinity",
    7,
    1e-7,
    [1, "a"],
    { k: null },
    [0, [2, 0, 4, 8], 0],
    [1, [5], -1],
  ];
  const records: UsageRecord[] = Array.from({ length: 1 + Math.floor(r() * 12) }, () => {
    const desc = {
      metadata: {} as Record<string, DescValue>,
      groupby: {} as Record<string, DescValue>,
    };
    for (const name of ["f0", "f1", "f2"])
      if (r() < 0.7) desc[r() < 0.3 ? "groupby" : "metadata"][name] = pick(r, values);
    return {
      service: r() < 0.1 ? "absent" : pick(r, services).name,
      volume: pick(r, [
        "1",
        "3",
        "0.25",
        "2048",
        "0",
        "1e2",
        "12.3456789012345678901234567890123",
        "9007199254740993",
        "-1",
      ]),
      desc,
    };
  });
  return { rules: { services, groups, fields, mappings, thresholds } as RuleSet, records };
}
