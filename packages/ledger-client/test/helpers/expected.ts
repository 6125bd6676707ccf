/**
 * The typed value we expect from a captured Python return value: snake_case → camelCase, server dates →
 * ISO strings (our Dates serialised), image metadata `os_type` → `type`, the legacy `os` copy dropped,
 * numeric size strings → numbers. Compared with `JSON.parse(JSON.stringify(ours))`.
 */
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/;

export function expectedValue(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.map(expectedValue);
  if (raw === null || typeof raw !== "object")
    return typeof raw === "string" && DATE.test(raw) ? isoOf(raw) : raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === "os") continue;
    if (key === "image_meta") out.imageMeta = renameOsType(value as Record<string, unknown>);
    else if (key === "size" && typeof value === "string" && /^\d+$/.test(value)) out.size = Number(value);
    else if (key === "metadata") out.metadata = value;
    else out[camel(key)] = expectedValue(value);
  }
  return out;
}

function renameOsType(meta: Record<string, unknown>): Record<string, unknown> {
  const { os_type, ...rest } = meta;
  return os_type === undefined ? rest : { ...rest, type: os_type };
}

function isoOf(text: string): string {
  return new Date(text.replace(" ", "T")).toISOString();
}

export function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
