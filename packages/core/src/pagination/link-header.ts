/**
 * The URL of one relation in an RFC 8288 `Link` header, found by its `rel`, never by position (the
 * reference Waldur client takes "the 2nd entry" and breaks when `prev` is absent). One regular expression
 * walks the `<url>; params` entries, so commas inside URLs or quoted parameters do not split anything.
 * @public
 */
export function linkRel(header: string | undefined, rel: string): string | undefined {
  if (!header) return undefined;
  const entry = /<([^>]*)>((?:\s*;\s*[^;,"]+=(?:"[^"]*"|[^;,]*))*)/g;
  for (const match of header.matchAll(entry)) {
    const params = match[2] ?? "";
    const relParam = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]*))/i.exec(params);
    const rels = (relParam?.[1] ?? relParam?.[2] ?? "").toLowerCase().split(/\s+/);
    if (rels.includes(rel.toLowerCase())) return match[1];
  }
  return undefined;
}
