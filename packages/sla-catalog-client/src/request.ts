import {
  type CallOptions,
  type HttpClient,
  type Paginated,
  type QueryValue,
  validateInput,
} from "@meterkit/core";
import { toCatalogError } from "./errors.js";

/** The package name in error messages. @internal */
export const PACKAGE = "@meterkit/sla-catalog-client";

/** Validates an input with its zod schema before anything is sent (`InvalidInputError` names the field). @internal */
export function check<T>(schema: { safeParse(input: unknown): unknown }, input: unknown, root?: string): T {
  return validateInput(schema as Parameters<typeof validateInput<T>>[0], input, {
    package: PACKAGE,
    ...(root ? { root } : {}),
  });
}

/** One request whose problem-details failures become `CatalogError`s. @internal */
export async function send<T>(
  http: HttpClient,
  call: {
    method: "GET" | "POST" | "PUT" | "DELETE";
    path: string;
    pathParams?: Record<string, string | number>;
    body?: unknown;
  },
  options: CallOptions = {},
): Promise<T> {
  try {
    return (await http.request<T>({ ...call, ...options })).data;
  } catch (error) {
    throw toCatalogError(error);
  }
}

/** A paginated list (the service's `Link: rel="next"`), with errors converted like {@link send}. @internal */
export function list<T>(
  http: HttpClient,
  path: string,
  query: Record<string, QueryValue>,
  options: CallOptions = {},
): Paginated<T> {
  const inner = http.paginate<T>({ path, query, ...options });
  const convert = async function* <U>(source: AsyncIterable<U>): AsyncGenerator<U> {
    try {
      yield* source;
    } catch (error) {
      throw toCatalogError(error);
    }
  };
  return {
    [Symbol.asyncIterator]: () => convert(inner)[Symbol.asyncIterator](),
    pages: () => convert(inner.pages()),
  } as Paginated<T>;
}
