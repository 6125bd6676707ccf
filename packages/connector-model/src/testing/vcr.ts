import { type CassetteMatch, interceptGlobalDispatcher, withCassette } from "@meterkit/core/testing";
import { InvalidValueError } from "../errors.js";

/** vcrpy's record modes, as {@link vcrCassetteContext} accepts them. @public */
export type VcrRecordMode = "new_episodes" | "none" | "all" | "once";

/** Options of {@link vcrCassetteContext}. @public */
export interface VcrOptions {
  /** Cassette file (default `vcr.cassette.json`, relative to the working directory, as the original's `vcr.yaml`). */
  file?: string;
  /**
   * vcrpy's record mode: `new_episodes` replays what the cassette holds and appends what it does not,
   * `none` only replays (an unrecorded request fails, nothing is sent), `all` records a new cassette,
   * `once` records when the file does not exist and then only replays. Default: `new_episodes` when the
   * environment variable `DEBUG_VCR` exists (any value, even empty), else no cassette at all: `fn` runs
   * as it is, on the network, as in the original.
   */
  recordMode?: VcrRecordMode;
  /** Hosts never recorded nor replayed (vcrpy `ignore_hosts`); `example.com`, or `example.com:8443` for one port. */
  ignoreHosts?: readonly string[];
  /** What a recorded request must share with a new one to answer it. Default vcrpy's: method and URL. */
  matchOn?: readonly CassetteMatch[];
  /** More values to scrub from what is written (credentials the requests carry are scrubbed anyway). */
  secrets?: Iterable<string>;
  /** Environment to read `DEBUG_VCR` from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

const CORE_MODE = { new_episodes: "new_episodes", none: "replay", all: "record", once: "once" } as const;

/**
 * The original's `vcr_cassette_context(fn)`: returns a wrapper that runs `fn` inside a cassette
 * (vcrpy's `use_cassette(…, record_mode='new_episodes')` by default), so every request `fn` sends
 * through undici's global dispatcher is recorded and replayed: `createCmpContext` and every meterkit
 * client made without a `dispatcher` option, `undici.request`, `fetch`. Secrets are redacted before
 * anything is written. Requests still running after `fn` returns (background log deliveries) belong to
 * the same cassette. A client given its own `dispatcher`, or made before the wrapper was created, keeps
 * its transport.
 * @public
 */
export function vcrCassetteContext<A extends unknown[], R>(
  fn: (...args: A) => R,
  options: VcrOptions = {},
): (...args: A) => R {
  if (options.recordMode !== undefined && !Object.hasOwn(CORE_MODE, options.recordMode)) {
    throw new InvalidValueError(
      `recordMode must be one of ${Object.keys(CORE_MODE).join(", ")}`,
      "recordMode",
    );
  }
  // From here on, clients made without a dispatcher take the cassette router as their transport (it sends
  // as before outside a cassette), so a context made before the first call is recorded too.
  interceptGlobalDispatcher();
  return (...args: A) => {
    const env = options.env ?? process.env;
    const recordMode = options.recordMode ?? (Object.hasOwn(env, "DEBUG_VCR") ? "new_episodes" : undefined);
    if (recordMode === undefined) return fn(...args);
    return withCassette(
      {
        file: options.file ?? "vcr.cassette.json",
        mode: CORE_MODE[recordMode],
        matchOn: options.matchOn ?? ["method", "url"],
        ...(options.ignoreHosts === undefined ? {} : { ignoreHosts: options.ignoreHosts }),
        ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
      },
      () => fn(...args),
    );
  };
}
