import {
  type CallOptions,
  type HttpClient,
  type Paginated,
  type QueryValue,
  type RequestOptions,
  validateInput,
} from "@meterkit/core";
import { z } from "zod";
import { toCatalogError } from "./errors.js";
import {
  GuaranteeResponse,
  OfferResponse,
  PartyResponse,
  PriceResponse,
  ProductResponse,
  TemplateResponse,
  UnitResourceResponse,
} from "./schemas/responses.js";

/** The response shape of each collection, by the path's first segment. */
const RESPONSES: Record<string, z.ZodType> = {
  parties: PartyResponse,
  products: ProductResponse,
  templates: TemplateResponse,
  "product-offers": OfferResponse,
  "unit-resources": UnitResourceResponse,
  "priced-items": UnitResourceResponse,
  "fixed-fees": PriceResponse,
  "variable-fees": PriceResponse,
  "compound-fees": PriceResponse,
  prices: PriceResponse,
  guarantees: GuaranteeResponse,
};

function responseSchema(path: string): z.ZodType | undefined {
  return RESPONSES[path.split("/")[1] ?? ""];
}

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
    const schema = call.method === "DELETE" ? undefined : responseSchema(call.path);
    return (await http.request<T>({ ...call, ...options, schema } as RequestOptions<T>)).data;
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
  const item = responseSchema(path);
  const inner = http.paginate<T>({ path, query, ...options, schema: item ? z.array(item) : undefined });
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
