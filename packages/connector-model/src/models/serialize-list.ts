import type { Serializable, SerializeOptions } from "./options.js";

/**
 * Serializes every item, in order: `items.map(item => item.serialize(options))`.
 * Pass `{ clock }` to stamp every resource with the same reproducible `last_seen_at`.
 * @public
 */
export function serializeList(items: Iterable<Serializable>, options?: SerializeOptions): unknown[] {
  const out: unknown[] = [];
  for (const item of items) out.push(item.serialize(options));
  return out;
}
