/**
 * The bench workload, shared by the Node benches and bench/cloudkitty_inprocess.py: a HashMap rule set of a
 * given size shaped like an operator's (compute flavors and images, volume types, network and floating IPs,
 * tenant-less, in groups; service and field thresholds), its costs and levels written as CloudKitty 17 returns
 * them (Numeric(40,28) costs, Numeric(20,8) levels), and usage records drawn from a seeded PRNG.
 */
import { seededRandom } from "@meterkit/core/testing";

const id = (kind, i) =>
  `${kind.padEnd(8, "0").slice(0, 8)}-0000-4000-8000-${String(i).padStart(12, "0")}`.replace(
    /[^0-9a-f-]/g,
    "a",
  );

/** "0.0123" as the server prints a Numeric(40,28). */
const cost = (text) => {
  const [int, frac = ""] = text.split(".");
  return `${int}.${frac.padEnd(28, "0")}`;
};
/** "2048" as the server prints a Numeric(20,8). */
const level = (text) => {
  const [int, frac = ""] = text.split(".");
  return `${int}.${frac.padEnd(8, "0")}`;
};

/**
 * About `n` rules (n ≥ 50): 40 % flavor mappings, 25 % image mappings, 20 % volume-type mappings, the rest
 * thresholds and service mappings.
 */
export function ruleSet(n) {
  const services = ["instance", "volume", "network.bw.out", "ip.floating"].map((name, i) => ({
    service_id: id("5e", i),
    name,
  }));
  const [instance, volume, net, ip] = services;
  const groups = ["compute", "license", "storage", "network"].map((name, i) => ({
    group_id: id("9", i),
    name,
  }));
  const [compute, license, storage, network] = groups;
  const fields = [
    { field_id: id("f", 0), name: "flavor_id", service_id: instance.service_id },
    { field_id: id("f", 1), name: "image_id", service_id: instance.service_id },
    { field_id: id("f", 2), name: "memory_mb", service_id: instance.service_id },
    { field_id: id("f", 3), name: "volume_type", service_id: volume.service_id },
  ];
  const [flavor, image, memory, vtype] = fields;
  const mappings = [];
  const thresholds = [];
  const mapping = (parent, value, type, c, group) =>
    mappings.push({
      mapping_id: id("a", mappings.length),
      value,
      type,
      cost: cost(c),
      service_id: parent.service_id && !parent.field_id ? parent.service_id : null,
      field_id: parent.field_id ?? null,
      group_id: group?.group_id ?? null,
      tenant_id: null,
    });
  const threshold = (parent, l, type, c, group) =>
    thresholds.push({
      threshold_id: id("b", thresholds.length),
      level: level(l),
      type,
      cost: cost(c),
      service_id: parent.service_id && !parent.field_id ? parent.service_id : null,
      field_id: parent.field_id ?? null,
      group_id: group?.group_id ?? null,
      tenant_id: null,
    });
  mapping(instance, null, "flat", "0.01", compute);
  mapping(instance, null, "rate", "1.21", license);
  mapping(volume, null, "flat", "0.0005", storage);
  mapping(net, null, "rate", "0.00002", network);
  mapping(ip, null, "flat", "0.004", network);
  const thr = Math.max(5, Math.round(n * 0.05));
  for (let i = 0; i < thr; i++) threshold(instance, String(100 * (i + 1)), "rate", `0.9${i % 10}`, compute);
  for (let i = 0; i < thr; i++) threshold(memory, String(512 * (i + 1)), "flat", `0.00${i + 1}`, compute);
  for (let i = 0; i < thr; i++) threshold(volume, String(50 * (i + 1)), "rate", "0.95", storage);
  const rest = n - mappings.length - thresholds.length;
  const flavors = Math.round(rest * 0.4);
  const images = Math.round(rest * 0.3);
  const vtypes = rest - flavors - images;
  for (let i = 0; i < flavors; i++)
    mapping(
      flavor,
      `flavor-${i}`,
      i % 7 === 0 ? "rate" : "flat",
      `0.${String(i + 1).padStart(4, "0")}5`,
      compute,
    );
  for (let i = 0; i < images; i++)
    mapping(image, `image-${i}`, i % 3 === 0 ? "rate" : "flat", `1.${String(i).padStart(3, "0")}`, license);
  for (let i = 0; i < vtypes; i++) mapping(vtype, `type-${i}`, "flat", `0.000${i + 1}`, storage);
  return { services, fields, groups, mappings, thresholds, counts: { flavors, images, vtypes } };
}

/** Usage records for `rules` (records `from` … `from + count`), the same for any caller and seed. */
export function* records(rules, count, seed = 17, from = 0) {
  const r = seededRandom(seed + from);
  const { flavors, images, vtypes } = rules.counts;
  const pick = (n) => Math.floor(r() * n * 1.05); // ~5 % unknown values
  for (let i = from; i < from + count; i++) {
    const kind = r();
    const project_id = `project-${i % 97}`;
    if (kind < 0.55)
      yield {
        service: "instance",
        volume: "1",
        desc: {
          groupby: { project_id, id: `vm-${i % 5000}` },
          metadata: {
            flavor_id: `flavor-${pick(flavors)}`,
            image_id: `image-${pick(images)}`,
            memory_mb: 512 * (1 + (i % 16)),
          },
        },
      };
    else if (kind < 0.85)
      yield {
        service: "volume",
        volume: String(10 * (1 + (i % 40))),
        desc: { groupby: { project_id }, metadata: { volume_type: `type-${pick(vtypes)}` } },
      };
    else if (kind < 0.95)
      yield {
        service: "network.bw.out",
        volume: String((i % 1000) * 1.5),
        desc: { groupby: { project_id } },
      };
    else yield { service: "ip.floating", volume: "1", desc: { groupby: { project_id }, metadata: {} } };
  }
}
