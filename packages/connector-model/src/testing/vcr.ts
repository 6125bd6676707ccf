import { cassetteDispatcher } from "@meterkit/core/testing";
import type { Dispatcher } from "undici";

/** Options of {@link vcrCassetteContext}. @public */
export interface VcrOptions {
  /** Cassette file (default `vcr.cassette.json`, relative to the working directory as in the original). */
  file?: string;
  /**
   * `record` or `replay`. Default: `record` when the environment variable `DEBUG_VCR` exists
   * (any value, even empty, as in the original), else no cassette at all.
   */
  mode?: "record" | "replay";
  /** Record mode: the real transport (default: a new undici Agent). */
  upstream?: Dispatcher;
  /** Environment to read `DEBUG_VCR` from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The counterpart of `vcr_cassette_context(fn)`: wraps `fn` so that each call receives a
 * cassette dispatcher from `@meterkit/core/testing` (pass it to `createCmpContext({ dispatcher })`),
 * or `undefined` (the default transport) when no cassette is wanted. Secrets are redacted before
 * anything is written.
 * @public
 */
export function vcrCassetteContext<A extends unknown[], R>(
  fn: (dispatcher: Dispatcher | undefined, ...args: A) => R,
  options: VcrOptions = {},
): (...args: A) => R {
  return (...args: A) => {
    const env = options.env ?? process.env;
    const mode = options.mode ?? (Object.hasOwn(env, "DEBUG_VCR") ? "record" : undefined);
    if (mode === undefined) return fn(undefined, ...args);
    const dispatcher = cassetteDispatcher({
      file: options.file ?? "vcr.cassette.json",
      mode,
      ...(options.upstream === undefined ? {} : { upstream: options.upstream }),
    });
    return fn(dispatcher, ...args);
  };
}
