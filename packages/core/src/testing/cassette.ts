import { isDeepStrictEqual } from "node:util";
import { Agent, Dispatcher } from "undici";
import { SdkError } from "../errors.js";
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

/** Options of {@link cassetteDispatcher}. @public */
export interface CassetteOptions {
  /** The cassette file (JSON). */
  file: string;
  /** `record`: send through `upstream` and write every exchange; `replay`: answer from the file, no network. */
  mode: "record" | "replay";
  /** Record mode: the real transport. Default: a new undici Agent. */
  upstream?: Dispatcher;
  /**
   * More values to scrub from every recorded exchange. The credentials the recorded requests carry (auth
   * headers, secret-named query values and JSON fields) and `X-Subject-Token` answers are scrubbed anyway.
   */
  secrets?: Iterable<string>;
  /** A last transformation of each exchange before it is written (e.g. to scrub ids). */
  redact?: (exchange: RecordedExchange) => RecordedExchange;
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

/**
 * Record/replay for tests, the counterpart of nflex-connector-utils' `vcr_cassette_context`: record real
 * exchanges once (secrets redacted *before* writing: auth headers, `X-Auth-Token`, `X-Subject-Token`, and
 * JSON fields such as `password`, `secret`, `token`), then replay them offline through the same
 * `dispatcher` option. A replayed request is matched by method, URL and JSON body, in recorded order; one
 * that matches nothing fails with `CassetteMismatchError` naming it.
 * @public
 */
export function cassetteDispatcher(options: CassetteOptions): Dispatcher & {
  /** The exchanges read from the file (replay) or recorded so far (record). */
  readonly cassette: Cassette;
  /** Replay: the recorded exchanges no request has matched yet (assert it is empty); record: always `[]`. */
  unused(): RecordedExchange[];
} {
  return options.mode === "record" ? new RecordingDispatcher(options) : new ReplayDispatcher(options.file);
}

class ReplayDispatcher extends Dispatcher {
  readonly cassette: Cassette;
  private readonly used = new Set<number>();

  constructor(private readonly file: string) {
    super();
    this.cassette = readCassette(file);
  }

  unused(): RecordedExchange[] {
    return this.cassette.exchanges.filter((_, i) => !this.used.has(i));
  }

  override dispatch(opts: DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const h = handler as LegacyHandler;
    const wanted = recordRequest(
      opts.method,
      `${opts.origin}${opts.path}`,
      headersOf(opts.headers),
      bodyOf(opts.body),
    );
    const index = this.cassette.exchanges.findIndex(
      (e, i) => !this.used.has(i) && matches(e.request, wanted),
    );
    queueMicrotask(() => {
      if (index < 0) {
        h.onError?.(
          new CassetteMismatchError(
            `[@meterkit/core/testing] no unused exchange in ${this.file} matches ${wanted.method} ${wanted.url}${wanted.body ? ` with body ${JSON.stringify(wanted.body)}` : ""}`,
          ),
        );
        return;
      }
      this.used.add(index);
      const { response } = this.cassette.exchanges[index]!;
      const raw: Buffer[] = [];
      for (const [k, v] of Object.entries(response.headers)) raw.push(Buffer.from(k), Buffer.from(v));
      h.onConnect?.(() => {});
      h.onHeaders?.(response.status, raw, () => {}, "");
      const text = bodyText(response.body);
      if (text) h.onData?.(Buffer.from(text));
      h.onComplete?.([]);
    });
    return true;
  }

  override async close(): Promise<void> {}
  override async destroy(): Promise<void> {}
}

class RecordingDispatcher extends Dispatcher {
  readonly cassette: Cassette = { version: 1, exchanges: [] };
  private readonly upstream: Dispatcher;
  private readonly secrets = new SecretSet();

  constructor(private readonly options: CassetteOptions) {
    super();
    this.upstream = options.upstream ?? new Agent();
    for (const value of options.secrets ?? []) this.secrets.add(value);
  }

  unused(): RecordedExchange[] {
    return [];
  }

  override dispatch(opts: DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const h = handler as LegacyHandler;
    const sentHeaders = headersOf(opts.headers);
    const sentBody = bodyOf(opts.body);
    learnSecrets(this.secrets, `${opts.origin}${opts.path}`, sentHeaders, sentBody);
    const request = recordRequest(opts.method, `${opts.origin}${opts.path}`, sentHeaders, sentBody);
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

  override close(): Promise<void> {
    return this.options.upstream ? Promise.resolve() : this.upstream.close();
  }
  override destroy(): Promise<void> {
    return this.options.upstream ? Promise.resolve() : this.upstream.destroy();
  }
}

function matches(recorded: RecordedExchange["request"], wanted: RecordedExchange["request"]): boolean {
  return (
    recorded.method === wanted.method &&
    recorded.url === wanted.url &&
    isDeepStrictEqual(recorded.body, wanted.body)
  );
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
