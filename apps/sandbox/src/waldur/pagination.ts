/**
 * DRF page-number pagination as Waldur's `LinkHeaderPagination` renders it (waldur_core/core/pagination.py):
 * bare JSON array body, `X-Result-Count`, and `Link` with `first`, `prev`, `next`, `last` in that order,
 * only the rels that apply; the URLs re-encode the query sorted by name (Django's `replace_query_param`),
 * and `first` (and `prev` to page 1, `last` of a single page) carry no `page` at all. A page past the end
 * is 404 `{"detail": "Invalid page."}`.
 */

export interface PageResult<T> {
  status: number;
  headers: Record<string, string>;
  body: T[] | { detail: string };
}

/** Python's `urlencode(..., doseq=True)`: `quote_plus`, which keeps only `A-Za-z0-9_.-~` unescaped. */
function quotePlus(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/** The list URL with `page` set (or removed for `undefined`), the query sorted by name as Django does. */
function pageUrl(base: string, params: readonly [string, string][], page: number | undefined): string {
  const kept = params.filter(([k]) => k !== "page");
  if (page !== undefined) kept.push(["page", String(page)]);
  // Django sorts the (key, [values]) items by key; values of one key keep their order.
  const keys = [...new Set(kept.map(([k]) => k))].sort();
  const query = keys
    .flatMap((k) => kept.filter(([key]) => key === k).map(([key, v]) => `${quotePlus(key)}=${quotePlus(v)}`))
    .join("&");
  return query ? `${base}?${query}` : base;
}

/** The last value of a repeated parameter, as Django's `QueryDict.get` returns it. */
export function lastValue(params: readonly [string, string][], key: string): string | undefined {
  return params.filter(([k]) => k === key).at(-1)?.[1];
}

export function paginate<T>(
  items: readonly T[],
  base: string,
  params: readonly [string, string][],
  defaultSize: number,
  maxSize: number,
): PageResult<T> {
  const rawSize = Number.parseInt(lastValue(params, "page_size") ?? "", 10);
  const size = Number.isFinite(rawSize) && rawSize > 0 ? Math.min(rawSize, maxSize) : defaultSize;
  const pages = Math.max(1, Math.ceil(items.length / size));
  const rawPage = lastValue(params, "page");
  const page =
    rawPage === undefined
      ? 1
      : /^\d+$/.test(rawPage)
        ? Number(rawPage)
        : rawPage === "last"
          ? pages
          : Number.NaN;
  if (!(page >= 1 && page <= pages)) return { status: 404, headers: {}, body: { detail: "Invalid page." } };
  const links: string[] = [`<${pageUrl(base, params, undefined)}>; rel="first"`];
  if (page > 1) links.push(`<${pageUrl(base, params, page === 2 ? undefined : page - 1)}>; rel="prev"`);
  if (page < pages) links.push(`<${pageUrl(base, params, page + 1)}>; rel="next"`);
  links.push(`<${pageUrl(base, params, pages === 1 ? undefined : pages)}>; rel="last"`);
  return {
    status: 200,
    headers: { "x-result-count": String(items.length), link: links.join(", ") },
    body: items.slice((page - 1) * size, page * size),
  };
}
