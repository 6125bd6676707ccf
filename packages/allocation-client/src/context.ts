import type { HttpClient } from "@meterkit/core";
import type { Generation, Routes } from "./generation.js";

/** The package name every message of this package starts with. @internal */
export const PACKAGE = "@meterkit/allocation-client";

/** How a 409 from a write is retried (the reference sleeps 2 s and tries 3 times in total). @public */
export interface ConflictRetryOptions {
  /** Attempts in total for POST actions, first one included. Default 3; 1 disables retries. */
  attempts?: number;
  /** Wait between attempts in milliseconds. Default 2000. */
  delayMs?: number;
}

/** What every operation needs: the HTTP client, the generation's routes and the API root. @internal */
export interface ClientContext {
  readonly http: HttpClient;
  readonly generation: Generation;
  readonly routes: Routes;
  /** The API root with a trailing slash, e.g. `https://puhuri-core.example/api/`; hyperlinks are built on it. */
  readonly apiRoot: string;
  readonly conflict: Required<ConflictRetryOptions>;
  /** Default `page_size` of lists. */
  readonly pageSize: number;
}
