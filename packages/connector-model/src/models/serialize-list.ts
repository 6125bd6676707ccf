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

/**
 * `serializeList` straight to JSON text: the same text as `JSON.stringify(serializeList(items, options))`
 * for the models' plain data, built one item at a time, so no output tree outlives its own item. For a
 * connector that answers with JSON this is the cheaper form: 100,000 detailed Servers are never all alive
 * as objects, which in a fresh process is where most of `serializeList`'s time goes (the garbage
 * collector copying every live tree). The first item that cannot be serialized or encoded (a `bigint`
 * beyond a double's exact range, as `JSON.stringify` refuses it) stops the list: its error is thrown.
 * @example
 * ```ts
 * response.end(serializeListJson(servers));
 * ```
 * @public
 */
export function serializeListJson(items: Iterable<Serializable>, options?: SerializeOptions): string {
  const parts: string[] = [];
  // As inside an array, a value JSON cannot represent (undefined, a function) is written `null`.
  for (const item of items) parts.push(JSON.stringify(item.serialize(options)) ?? "null");
  return `[${parts.join(",")}]`;
}
