import { existsSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { Agent, Dispatcher } from "undici";
import { InvalidInputError, SdkError } from "../errors.js";
import { isSecretName, SecretSet, scrubError } from "../redact.js";
import {
  bodyText,
  type Cassette,
  type RecordedExchange,
  readCassette,
  recordRequest,
  recordResponseHeaders,
  storedBody,
  writeCassette,
} from "./cassette-file.js";

/**
 * What a cassette does with each request, vcrpy's record modes:
 * - `replay` (vcrpy `none`): answer from the file; a request it does not hold fails, nothing is sent.
 * - `record` (vcrpy `all`): send everything, never replay, and write a new file (the old one is replaced).
 * - `new_episodes`: replay what the file holds, send and append what it does not (the file may be absent).
 * - `once`: `record` when the file does not exist, else `replay`.
 * @public
 */
export type CassetteMode = "record" | "replay" | "new_episodes" | "once";

/** What a recorded request must share with a new one to answer it. @public */
export type CassetteMatch = "method" | "url" | "body";

/** Options of {@link cassetteDispatcher}. @public */
export interface CassetteOptions {
  /** The cassette file (JSON, see {@link Cassette}). */
  file: string;
  /** See {@link CassetteMode}. */
  mode: CassetteMode;
  /** The real transport, for what is sent (recorded or to an ignored host). Default: a new undici Agent. */
  upstream?: Dispatcher;
  /**
   * More values to scrub from every recorded exchange. The credentials the recorded requests carry (auth
   * headers, secret-named query values and JSON fields) and `X-Subject-Token` answers are scrubbed anyway.
   */
  secrets?: Iterable<string>;
  /** A last transformation of each exchange before it is written (e.g. to scrub ids). */
  redact?: (exchange: RecordedExchange) => RecordedExchange;
  /**
   * Hosts (`example.com`, or `example.com:8443` for one port) whose requests go to `upstream` as they are,
   * never recorded nor replayed (vcrpy's `ignore_hosts`).
   */
  ignoreHosts?: readonly string[];
  /**
   * What a recorded request must share with a new one to answer it; the URL is compared with its secrets
   * redacted, the body as JSON when it is JSON. Default `["method", "url", "body"]`; vcrpy's default is
   * `["method", "url"]`.
   */
  matchOn?: readonly CassetteMatch[];
}

/** A replayed request matched no recorded exchange. @public */
export class CassetteMismatchError extends SdkError {
  constructor(message: string) {
    super("cassette_mismatch", message);
  }
}

type LegacyHandler = {
  onConnect?(abort: (err?: Error) => void, context?: unknown): void;
  onHeaders?(status: number, headers: Buffer[], resume: () => void, statusText: string): boolean;
  onData?(chunk: Buffer): boolean;
  onComplete?(trailers: Buffer[] | null): void;
  onError?(error: Error): void;
  onUpgrade?(...args: unknown[]): void;
  onResponseStarted?(): void;
  onBodySent?(chunk: unknown): void;
  onRequestSent?(): void;
};

type DispatchOptions = Dispatcher.DispatchOptions;

/** A dispatcher over a cassette file. @public */
export type CassetteDispatcher = Dispatcher & {
  /** The exchanges of the file as it is now: those read from it, then those recorded since. */
  readonly cassette: Cassette;
  /** The exchanges read from the file that no request has matched yet (assert it is empty after a replay). */
  unused(): RecordedExchange[];
  /** The exchanges this dispatcher recorded (sent and appended), in order. */
  recorded(): RecordedExchange[];
};

const MODES: readonly CassetteMode[] = ["record", "replay", "new_episodes", "once"];
const MATCHES: readonly CassetteMatch[] = ["method", "url", "body"];

/**
 * Record/replay for tests, the counterpart of nflex-connector-utils' `vcr_cassette_context` (vcrpy): record real
 * exchanges (secrets redacted *before* writing: auth headers, `X-Auth-Token`, `X-Subject-Token`, and JSON
 * fields such as `password`, `secret`, `token`), then replay them offline through the same `dispatcher`
 * option. A request is answered by the first recorded exchange not used yet that matches it (`matchOn`); in
 * `replay` mode one that matches nothing fails with `CassetteMismatchError` naming it. The file is written
 * after each recorded exchange (temp file and rename), so an interrupted run keeps what it recorded.
 * @public
 */
export function cassetteDispatcher(options: CassetteOptions): CassetteDispatcher {
  if (!MODES.includes(options.mode)) {
    throw new InvalidInputError([{ path: ["mode"], message: `must be one of ${MODES.join(", ")}` }]);
  }
  for (const m of options.matchOn ?? []) {
    if (!MATCHES.includes(m)) {
      throw new InvalidInputError([{ path: ["matchOn"], message: `entries must be ${MATCHES.join(", ")}` }]);
    }
  }
  return new CassetteFileDispatcher(options);
}

class CassetteFileDispatcher extends Dispatcher {
  readonly cassette: Cassette;
  private readonly loaded: number;
  private readonly mode: "record" | "replay" | "new_episodes";
  private readonly used = new Set<number>();
  private readonly secrets = new SecretSet();
  private readonly matchOn: readonly CassetteMatch[];
  private readonly ignored: readonly string[];
  private upstreamAgent: Dispatcher | undefined;

  constructor(private readonly options: CassetteOptions) {
    super();
    const exists = existsSync(options.file);
    this.mode = options.mode === "once" ? (exists ? "replay" : "record") : options.mode;
    this.cassette =
      this.mode === "record" || (this.mode === "new_episodes" && !exists)
        ? { version: 1, exchanges: [] }
        : readCassette(options.file);
    this.loaded = this.cassette.exchanges.length;
    this.matchOn = options.matchOn ?? MATCHES;
    this.ignored = (options.ignoreHosts ?? []).map((h) => h.toLowerCase());
    for (const value of options.secrets ?? []) this.secrets.add(value);
  }

  unused(): RecordedExchange[] {
    return this.cassette.exchanges.slice(0, this.loaded).filter((_, i) => !this.used.has(i));
  }

  recorded(): RecordedExchange[] {
    return this.cassette.exchanges.slice(this.loaded);
  }

  private get upstream(): Dispatcher {
    this.upstreamAgent ??= this.options.upstream ?? new Agent();
    return this.upstreamAgent;
  }

  override dispatch(opts: DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const url = `${opts.origin}${opts.path}`;
    if (this.isIgnored(opts.origin)) return this.upstream.dispatch(opts, handler);
    const h = handler as LegacyHandler;
    const sentHeaders = headersOf(opts.headers);
    const sentBody = bodyOf(opts.body);
    learnSecrets(this.secrets, url, sentHeaders, sentBody);
    const request = recordRequest(opts.method, url, sentHeaders, sentBody);
    if (this.mode !== "record") {
      const index = this.cassette.exchanges.findIndex(
        (e, i) => i < this.loaded && !this.used.has(i) && this.matches(e.request, request),
      );
      if (index >= 0) {
        this.used.add(index);
        replay(this.cassette.exchanges[index]!, h);
        return true;
      }
      if (this.mode === "replay") {
        queueMicrotask(() =>
          h.onError?.(
            new CassetteMismatchError(
              `[@meterkit/core/testing] no unused exchange in ${this.options.file} matches ${request.method} ${request.url}${request.body ? ` with body ${JSON.stringify(request.body)}` : ""}`,
            ),
          ),
        );
        return true;
      }
    }
    return this.record(opts, h, request);
  }

  private record(opts: DispatchOptions, h: LegacyHandler, request: RecordedExchange["request"]): boolean {
    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    const wrapper: LegacyHandler = {
      onConnect: (abort, context) => h.onConnect?.(abort, context),
      onHeaders: (s, raw, resume, text) => {
        status = s;
        headers = pairs(raw);
        return h.onHeaders?.(s, raw, resume, text) ?? true;
      },
      onData: (chunk) => {
        chunks.push(Buffer.from(chunk));
        return h.onData?.(chunk) ?? true;
      },
      onComplete: (trailers) => {
        learnSecrets(this.secrets, "", headers, undefined);
        const exchange: RecordedExchange = {
          request,
          response: {
            status,
            headers: recordResponseHeaders(headers),
            body: storedBody(Buffer.concat(chunks).toString("utf8")),
          },
        };
        // Scrub by value too: a server may echo a credential anywhere (a header, an error text).
        const scrubbed = scrubError({ body: exchange }, this.secrets).body as RecordedExchange;
        this.cassette.exchanges.push(this.options.redact ? this.options.redact(scrubbed) : scrubbed);
        writeCassette(this.options.file, this.cassette);
        h.onComplete?.(trailers);
      },
      onError: (error) => h.onError?.(error),
      onUpgrade: (...args) => h.onUpgrade?.(...args),
      onResponseStarted: () => h.onResponseStarted?.(),
      onBodySent: (chunk) => h.onBodySent?.(chunk),
      onRequestSent: () => h.onRequestSent?.(),
    };
    return this.upstream.dispatch(opts, wrapper as Dispatcher.DispatchHandler);
  }

  private isIgnored(origin: DispatchOptions["origin"]): boolean {
    if (this.ignored.length === 0 || origin === undefined) return false;
    const { hostname, host } = new URL(String(origin));
    const bare = hostname.replace(/^\[|\]$/g, "");
    return this.ignored.some((h) => h === hostname || h === bare || h === host);
  }

  private matches(recorded: RecordedExchange["request"], wanted: RecordedExchange["request"]): boolean {
    return (
      (!this.matchOn.includes("method") || recorded.method === wanted.method) &&
      (!this.matchOn.includes("url") || recorded.url === wanted.url) &&
      (!this.matchOn.includes("body") || isDeepStrictEqual(recorded.body, wanted.body))
    );
  }

  // Only an agent made here is ours to close; a given upstream (the global dispatcher…) is the caller's.
  override close(): Promise<void> {
    return this.options.upstream || !this.upstreamAgent ? Promise.resolve() : this.upstreamAgent.close();
  }
  override destroy(): Promise<void> {
    return this.options.upstream || !this.upstreamAgent ? Promise.resolve() : this.upstreamAgent.destroy();
  }
}

/** Answer a request from a recorded exchange, as a server would, on a later tick. */
function replay(exchange: RecordedExchange, h: LegacyHandler): void {
  queueMicrotask(() => {
    const { response } = exchange;
    const raw: Buffer[] = [];
    for (const [k, v] of Object.entries(response.headers)) raw.push(Buffer.from(k), Buffer.from(v));
    h.onConnect?.(() => {});
    h.onHeaders?.(response.status, raw, () => {}, "");
    const text = bodyText(response.body);
    if (text) h.onData?.(Buffer.from(text));
    h.onComplete?.([]);
  });
}

function headersOf(headers: DispatchOptions["headers"]): Record<string, string> {
  if (!headers) return {};
  if (Array.isArray(headers)) return pairs(headers as unknown as (string | Buffer)[]);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers as Record<string, unknown>))
    if (v !== undefined) out[k.toLowerCase()] = String(v);
  return out;
}

function bodyOf(body: DispatchOptions["body"]): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) return Buffer.from(body).toString("utf8");
  return undefined;
}

function pairs(raw: readonly (string | Buffer)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) out[String(raw[i]).toLowerCase()] = String(raw[i + 1]);
  return out;
}

/**
 * Remember the secret values a request carries (auth header values after their scheme, secret-named query
 * values and JSON fields) or a response hands out (`X-Subject-Token`), so they are scrubbed from every
 * exchange the cassette writes, wherever a server echoes them.
 */
function learnSecrets(
  secrets: SecretSet,
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretName(name) || /^set-cookie$/i.test(name)) continue;
    secrets.add(value);
    const space = value.indexOf(" ");
    if (space > 0) secrets.add(value.slice(space + 1));
  }
  if (url) {
    try {
      for (const [key, value] of new URL(url).searchParams) if (isSecretName(key)) secrets.add(value);
    } catch {
      // not a URL: nothing to learn
    }
  }
  if (body) {
    try {
      collectJsonSecrets(JSON.parse(body), secrets);
    } catch {
      // not JSON
    }
  }
}

function collectJsonSecrets(value: unknown, secrets: SecretSet): void {
  if (Array.isArray(value)) for (const item of value) collectJsonSecrets(item, secrets);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (isSecretName(key) && typeof inner === "string") secrets.add(inner);
      else collectJsonSecrets(inner, secrets);
    }
  }
}
