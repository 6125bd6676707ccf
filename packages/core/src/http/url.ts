/** Building request URLs: base + path template + query, with every user value encoded. */
import { InvalidInputError } from "../errors.js";
import { isSecretName } from "../redact.js";
import type { QueryValue } from "./types.js";

/**
 * Fill `{name}` segments from `params`. Values are percent-encoded, so `/`, `?`, `#` and `%` inside an id
 * cannot change the route; `.` and `..` would still be collapsed by the URL parser (even as `%2E`), and an
 * empty value would address the collection instead of the item, so all three are refused.
 * @internal
 */
export function fillPath(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
  pkg?: string,
): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const raw = params[name];
    if (raw === undefined) throw new InvalidInputError([{ path: [name], message: "is required" }], opts(pkg));
    const value = String(raw);
    if (value === "" || value === "." || value === "..") {
      throw new InvalidInputError(
        [{ path: [name], message: `must not be ${JSON.stringify(value)}` }],
        opts(pkg),
      );
    }
    if (!isWellFormed(value)) {
      throw new InvalidInputError(
        [{ path: [name], message: "contains an unpaired UTF-16 surrogate" }],
        opts(pkg),
      );
    }
    return encodeURIComponent(value);
  });
}

/** False for strings with lone surrogates, which cannot be encoded as UTF-8 (encodeURIComponent throws). @internal */
export function isWellFormed(value: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}

/**
 * Join a base URL and a path without losing the base's own path (`http://h/v1` + `/x` → `http://h/v1/x`).
 * An absolute URL (a pagination link) is accepted only on the base's own origin: credentials never go elsewhere.
 * @internal
 */
export function joinUrl(base: string | URL, path: string, pkg?: string): URL {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    const url = new URL(path);
    if (url.origin !== new URL(String(base)).origin) {
      throw new InvalidInputError(
        [{ path: ["path"], message: `must stay on ${new URL(String(base)).origin}` }],
        opts(pkg),
      );
    }
    return url;
  }
  const baseUrl = new URL(String(base));
  const basePath = baseUrl.pathname.replace(/\/+$/, "");
  const [pathname, search] = splitOnce(path, "?");
  baseUrl.pathname = `${basePath}/${pathname.replace(/^\/+/, "")}`;
  if (search !== undefined) baseUrl.search = search;
  return baseUrl;
}

/** Append query values: arrays repeat the key, `undefined`/`null` are left out, dates use `dateFormat`. @internal */
export function appendQuery(
  url: URL,
  query: Readonly<Record<string, QueryValue>> | undefined,
  dateFormat: (d: Date) => string,
  pkg?: string,
  secrets?: { add(value: string): void },
): void {
  if (!query) return;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const item of values as readonly (string | number | boolean | Date)[]) {
      const text = item instanceof Date ? formatDate(item, key, dateFormat) : String(item);
      // URLSearchParams would silently turn a lone surrogate into U+FFFD: refuse it instead.
      if (!isWellFormed(text)) {
        throw new InvalidInputError(
          [{ path: [key], message: "contains an unpaired UTF-16 surrogate" }],
          opts(pkg),
        );
      }
      // A secret in a query string (a password, a token) is scrubbed by value from anything we report,
      // even when a server echoes the request back in an error body.
      if (isSecretName(key)) secrets?.add(text);
      url.searchParams.append(key, text);
    }
  }
}

function formatDate(date: Date, key: string, format: (d: Date) => string): string {
  if (Number.isNaN(date.getTime()))
    throw new InvalidInputError([{ path: [key], message: "is an invalid Date" }]);
  return format(date);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function opts(pkg: string | undefined): { package?: string } {
  return pkg ? { package: pkg } : {};
}
