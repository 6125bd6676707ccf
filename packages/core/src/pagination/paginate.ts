import { ResponseValidationError } from "../errors.js";
import type { HttpClient } from "../http/client.js";
import type { HttpResponse, RequestOptions } from "../http/types.js";
import { linkRel } from "./link-header.js";

/** Options of `http.paginate()`: a GET whose body (or `items(body)`) is an array. @public */
export interface PaginateOptions<T> extends Omit<RequestOptions<unknown>, "method" | "schema"> {
  method?: "GET";
  /** Validates each page's body; the default expects an array. */
  schema?: RequestOptions<unknown>["schema"] | undefined;
  /** Extracts the items from a page body, e.g. `(b) => b.services` for CloudKitty. Default: the body itself. */
  items?: ((body: unknown) => readonly T[]) | undefined;
  /** Stop after this many items. */
  limit?: number | undefined;
}

/** One page: its response, its items, and the total from `X-Result-Count` when the server sent it. @public */
export interface Page<T> extends HttpResponse<readonly T[]> {
  readonly total: number | undefined;
}

/** An async iterable of items; `break` stops early; `.pages()` gives whole pages. @public */
export interface Paginated<T> extends AsyncIterable<T> {
  /**
   * Iterates whole pages (with their response and `total`) instead of single items; requests the next page
   * lazily.
   */
  pages(): AsyncIterable<Page<T>>;
}

/** @internal */
export function paginate<T>(http: HttpClient, options: PaginateOptions<T>): Paginated<T> {
  async function* pages(): AsyncGenerator<Page<T>> {
    const { items, limit, ...call } = options;
    let response = await http.request({ ...call, method: "GET" });
    let seen = 0;
    const origin = response.url.origin;
    for (;;) {
      const page = toPage(response, items);
      seen += page.data.length;
      yield page;
      const next = linkRel(response.headers.link, "next");
      if (!next || page.data.length === 0 || (limit !== undefined && seen >= limit)) return;
      response = await http.request({
        ...call,
        method: "GET",
        path: nextPath(next, response.url, origin),
        query: {},
        pathParams: {},
      });
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      let count = 0;
      for await (const page of pages()) {
        for (const item of page.data) {
          if (options.limit !== undefined && count >= options.limit) return;
          count++;
          yield item;
        }
      }
    },
  };
}

/** Collect an async iterable into an array, stopping at `limit` items (Node 20 has no `Array.fromAsync`). @public */
export async function collect<T>(items: AsyncIterable<T>, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  if (limit <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

function toPage<T>(response: HttpResponse<unknown>, items?: (body: unknown) => readonly T[]): Page<T> {
  const data = items ? items(response.data) : response.data;
  if (!Array.isArray(data)) {
    throw new ResponseValidationError({
      status: response.status,
      method: "GET",
      url: response.url,
      issues: [{ path: [], message: "expected a list of items" }],
    });
  }
  const count = response.headers["x-result-count"];
  const total = count !== undefined && /^\d+$/.test(count) ? Number(count) : undefined;
  return { ...response, data: data as readonly T[], total };
}

/**
 * The next page's path and query, kept on the origin we already talk to. A `Link` URL is built by the
 * server from the Host it saw, which behind a proxy can differ (scheme, port); and following a foreign
 * origin would hand our credentials to it. So only its path and query are taken, and the base's path prefix
 * is respected by sending it as an absolute URL on our origin.
 */
function nextPath(next: string, current: URL, origin: string): string {
  const url = new URL(next, current);
  return `${origin}${url.pathname}${url.search}`;
}
