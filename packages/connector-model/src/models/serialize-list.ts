import type { Serializable, SerializeOptions } from "./options.js";

/**
 * Serializes every item, in order: `items.map(item => item.serialize(options))`.
 * Pass `{ clock }` to stamp every resource with the same reproducible `last_seen_at`.
 * Like the original, the first item that cannot be serialized stops the list: its error is
 * thrown and nothing is returned. A provider date that cannot be read throws a
 * `DateParseError` whose message names the resource (`server 'vm-1': providerCreatedAt: …`);
 * catch it around `item.serialize()` yourself to skip bad items instead.
 * @public
 */
export function serializeList(items: Iterable<Serializable>, options?: SerializeOptions): unknown[] {
  const out: unknown[] = [];
  for (const item of items) out.push(item.serialize(options));
  return out;
}
