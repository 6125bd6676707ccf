import {
  type ClientOptions,
  createClientHttp,
  type HttpClient,
  isHttpClient,
  lazySchema,
  type OperationRetry,
} from "@meterkit/core";
import { z } from "zod";
import type { Generation } from "./generation.js";
import { check, PageSize } from "./input/common.js";
import { SPEC } from "./spec.js";

/** How a 409 from a write is retried (the reference sleeps 2 s and tries 3 times in total). @public */
export interface ConflictRetryOptions {
  /** Attempts in total for POST actions, first one included. Default 3; 1 disables retries. */
  attempts?: number;
  /** Wait between attempts in milliseconds. Default 2000. */
  delayMs?: number;
}

/** Options of {@link createWaldurClient}: core's client options plus Waldur's own. @public */
export interface WaldurClientOptions extends ClientOptions {
  /**
   * The API root, e.g. `https://puhuri-core.example/api/` (a missing trailing slash is added). Required:
   * Waldur is not in a Keystone catalog, and hyperlinks the client sends are built on it.
   */
  baseUrl: string | URL;
  /** Which server generation to speak. Default `"current"` (MasterMind ≥ 7, OpenAPI 8.0.5). */
  generation?: Generation | undefined;
  /** Items per list page, 1–300. Default 200 (the reference client's). */
  pageSize?: number | undefined;
  /** 409 handling of writes. Default: 3 attempts, 2 s apart (the reference's). */
  conflictRetry?: ConflictRetryOptions | undefined;
}

/** What every operation needs: the HTTP client, the server generation, list and 409 defaults. @public */
export interface WaldurContext {
  /** core's HTTP client, with Waldur's token scheme and error mapping. */
  readonly http: HttpClient;
  /** The server generation this client speaks. */
  readonly generation: Generation;
  /** The API root with a trailing slash, e.g. `https://puhuri-core.example/api/`; hyperlinks are built on it. */
  readonly apiRoot: string;
  /** Default `page_size` of lists. */
  readonly pageSize: number;
  /** The rule of POST actions: a 409 means "not applied", send again (core's retry loop runs it). */
  readonly conflictRetry: OperationRetry;
}

const Options = lazySchema(() =>
  z.looseObject({
    baseUrl: z.union([z.url({ protocol: /^https?$/ }), z.instanceof(URL)]),
    generation: z.enum(["current", "legacy"]).optional(),
    pageSize: PageSize.optional(),
    conflictRetry: z
      .strictObject({
        attempts: z.number().int().min(1).max(10).optional(),
        delayMs: z.number().min(0).optional(),
      })
      .optional(),
  }),
);

const EXTRA_OPTIONS = ["generation", "pageSize", "conflictRetry"] as const;

/**
 * The context operations run in, from options or an existing `HttpClient` (then with the defaults:
 * current generation, 200 items a page, 3 attempts 2 s apart on a 409). Use it with the standalone
 * operations: `approveOrder(createWaldurContext(options), { orderUuid })`.
 * @public
 */
export function createWaldurContext(options: WaldurClientOptions | HttpClient): WaldurContext {
  const o: Partial<z.infer<typeof Options>> = isHttpClient(options) ? {} : check(Options, options);
  const http = createClientHttp(SPEC, options, EXTRA_OPTIONS);
  const base = http.options.baseUrl;
  if (typeof base === "function") {
    // Only an HttpClient given by the caller can have one; the hyperlinks need the root up front.
    check(z.never({ error: "must be a URL, not a resolver, for this client" }), base, "baseUrl");
  }
  return {
    http,
    generation: o.generation ?? "current",
    apiRoot: SPEC.normaliseBaseUrl?.(String(base)) ?? String(base),
    pageSize: o.pageSize ?? 200,
    conflictRetry: {
      statuses: [409],
      maxAttempts: o.conflictRetry?.attempts ?? 3,
      delayMs: o.conflictRetry?.delayMs ?? 2000,
    },
  };
}
