/** Copies the named options (null when absent). @internal */
export function pick<K extends string>(
  options: object,
  fields: readonly (readonly [K, string])[],
): Record<K, unknown> {
  const source = options as Record<string, unknown>;
  const out = {} as Record<K, unknown>;
  for (const [name] of fields) out[name] = source[name] ?? null;
  return out;
}

/** Emits every field under its wire key, in order. @internal */
export function emit<K extends string>(
  values: Record<K, unknown>,
  fields: readonly (readonly [K, string])[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, wire] of fields) out[wire] = values[name];
  return out;
}
