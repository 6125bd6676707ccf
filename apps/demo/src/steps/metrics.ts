/**
 * Step 2: raw provider metrics converted through a YAML metric mapping with `@meterkit/metric-parser`
 * (ternaries, unit changes, a counter) and a SQL `CASE` for the power state. The month's totals become the
 * component usages reported to Waldur in step 6.
 */
import { CaseExpressionParser, parseMetricMapping } from "@meterkit/metric-parser";
import type { MetricsResult } from "../report/model.js";
import type { Plan } from "../scenario/plan.js";
import { type InstanceUsage, storageGbSeconds } from "../scenario/usage.js";

/** The provider's mapping file, as an operator would write it. */
export const METRIC_MAPPING = `# raw metric -> CMP metric
cpu_k_hours:
  name: compute.cpu_k_hours
  unit: k-hours
  conversion_expr: vcpu_seconds / 3600000
storage_k_gb_hours:
  name: storage.gb_k_hours
  unit: GB k-hours
  conversion_expr: gb_seconds / 3600000
memory_gb:
  name: memory.size
  unit: GB
  conversion_expr: value / 1048576
disk_usage:
  name: disk.usage
  unit: "%"
  conversion_expr: (used / total) * 100 if total != 0 else 0
bytes_in:
  name: net.bytes_in
  unit: B
  counter: yes
`;

/** `power_state` as libvirt reports it: 1 running, 3 paused, 4 shut down; anything else is unknown. */
export const POWER_STATE_CASE =
  "CASE WHEN power_state = 1 THEN 1 WHEN power_state = 3 OR power_state = 4 THEN 0 ELSE NULL END";

const round2 = (value: unknown) => (Math.round(Number(value) * 100) / 100).toFixed(2);

/** Converts the plan's raw metrics; throws the parser's typed errors on a bad mapping. */
export function convertMetrics(plan: Plan, usage: readonly InstanceUsage[]): MetricsResult {
  const mapping = parseMetricMapping(METRIC_MAPPING);
  const power = new CaseExpressionParser().parse(POWER_STATE_CASE);
  const vcpuSeconds = usage.reduce((sum, u) => sum + u.vcpuSeconds, 0);
  const gbSeconds = storageGbSeconds(plan);
  const first = plan.servers[0];
  const samples: { key: string; raw: Record<string, number | string> }[] = [
    { key: "cpu_k_hours", raw: { vcpu_seconds: vcpuSeconds } },
    { key: "storage_k_gb_hours", raw: { gb_seconds: gbSeconds } },
    { key: "memory_gb", raw: { value: (first?.flavor.ramMb ?? 0) * 1024 } },
    { key: "disk_usage", raw: { used: 37_580_963_840, total: 53_687_091_200 } },
    { key: "disk_usage", raw: { used: 0, total: 0 } },
    { key: "bytes_in", raw: { value: "18446744073" } },
  ];
  const conversions: MetricsResult["conversions"] = samples.map(({ key, raw }) => {
    const entry = mapping.get(key);
    if (!entry) throw new Error(`[@meterkit/demo] the metric mapping has no ${key}`);
    return {
      key,
      name: String(entry.name()),
      unit: String(entry.unit()),
      counter: Boolean(entry.counter()),
      raw,
      value: entry.value(raw) as number | string | null,
    };
  });
  for (const state of [1, 4, 7]) {
    conversions.push({
      key: "power_state (CASE)",
      name: "instance.running",
      unit: "bool",
      counter: false,
      raw: { power_state: state },
      value: power.evaluate({ power_state: state }) as number | null,
    });
  }
  const cpu = conversions[0]?.value;
  const storage = conversions[1]?.value;
  return {
    mappingKeys: [...mapping.keys()].map(String),
    conversions,
    waldurUsage: [
      { type: "cpu_k_hours", amount: round2(cpu) },
      { type: "gb_k_hours", amount: round2(storage) },
    ],
  };
}
