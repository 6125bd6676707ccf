import {
  type AuthStrategy,
  basicAuth,
  type ClientSpec,
  createClientHttp,
  type HttpClient,
  isSdkError,
  type Middleware,
  type Logger as RequestLogger,
  type RetryOptions,
  tokenAuth,
} from "@meterkit/core";
import type { Dispatcher } from "undici";
import { InvalidValueError } from "../errors.js";
import { pad } from "../time/civil.js";
import { type Clock, readClock, systemClock } from "../time/clock.js";
import type { CmpResponse, ConnectorContext } from "./context.js";

/** Options of {@link createCmpContext}. @public */
export interface CmpContextOptions {
  /** Base URL of the CMP API; paths are appended verbatim (`CMP_URL + path`, as flexer does). */
  cmpUrl: string;
  /** Bearer token; used when no username/password pair is given. */
  token?: string;
  /** HTTP Basic username (with `password`). */
  username?: string;
  /** HTTP Basic password (with `username`). */
  password?: string;
  /** The module id; null/absent outside production, which keeps {@link Logger} on stdout. */
  moduleId?: string | number | null;
  /** Transport (default: undici's global dispatcher). */
  dispatcher?: Dispatcher;
  /** Longest wait for response headers, and longest silence while reading a body. Default 30 000 ms. */
  timeoutMs?: number;
  /**
   * core's retry loop (`{ maxAttempts: 3 }`…). Default: one attempt, as flexer. CMP calls are POST and
   * PATCH, which core never sends twice on a network error; statuses are the caller's to judge.
   */
  retry?: RetryOptions | false;
  /** Receives one redacted `debug` line per attempt (core's `logger` option). */
  logger?: RequestLogger;
  /** core middleware around the retry loop, outermost first. */
  middleware?: readonly Middleware[];
  /** Prepended to the User-Agent. */
  userAgent?: string;
  /** Clock for log timestamps. */
  clock?: Clock;
  /** Where failed log deliveries are reported (default `console.error`); `log()` itself never throws. */
  onLogError?: (error: unknown) => void;
}

/** A context that also lets you wait for background log deliveries. @public */
export interface CmpContext extends ConnectorContext {
  readonly moduleId: string | number | null;
  /** Resolves once every `log()` started so far has been delivered or reported. */
  flush(): Promise<void>;
}

const SPEC: ClientSpec = {
  packageName: "@meterkit/connector-model",
  userAgent: "meterkit-connector-model",
  // flexer sends a JSON content type on every call, even when there is no body.
  headers: { "content-type": "application/json" },
};

/**
 * A real module context over HTTP, equivalent to flexer's `FlexerContext` + `CmpClient`:
 * JSON bodies, `Content-Type: application/json`, HTTP Basic when a username and password are
 * set, otherwise `Authorization: Bearer <token>`. `log()` POSTs to `/logs` in the background.
 * Requests go through `@meterkit/core`: failures to get an answer are its `NetworkError`,
 * `TimeoutError` or `AbortError`, with the credentials scrubbed; every status is returned.
 * @public
 */
export function createCmpContext(options: CmpContextOptions): CmpContext {
  let base: URL;
  try {
    base = new URL(options.cmpUrl);
  } catch (cause) {
    throw new InvalidValueError("cmpUrl must be an absolute URL", "cmpUrl", { cause });
  }
  const root = base.href.replace(/\/$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new InvalidValueError("timeoutMs must be a positive number of milliseconds", "timeoutMs");
  }
  const http = createClientHttp(SPEC, {
    baseUrl: root,
    auth: authOf(options),
    dispatcher: options.dispatcher,
    timeoutMs,
    retry: options.retry,
    logger: options.logger,
    middleware: options.middleware,
    userAgent: options.userAgent,
  });
  const clock = options.clock ?? systemClock;
  const moduleId = options.moduleId ?? null;
  const onLogError =
    options.onLogError ??
    ((error: unknown) => console.error("[@meterkit/connector-model] log delivery failed:", error));
  const pending = new Set<Promise<void>>();
  const send = (method: "POST" | "PATCH", path: string, data: unknown) =>
    sendJson(http, method, cmpUrlOf(root, path), data);

  return {
    moduleId,
    api: {
      post: (path, data) => send("POST", path, data),
      patch: (path, data) => send("PATCH", path, data),
    },
    log(message, severity) {
      const entry: Record<string, unknown> = {
        message,
        severity: severity.toUpperCase(),
        service: "nflex.flexer",
        timestamp: logTimestamp(clock),
      };
      if (moduleId !== null && moduleId !== "") entry.resource_id = `nflex-module-${moduleId}`;
      const delivery = send("POST", "/logs", [entry]).then(
        () => undefined,
        (error: unknown) => onLogError(error),
      );
      pending.add(delivery);
      void delivery.finally(() => pending.delete(delivery));
    },
    async flush() {
      await Promise.all([...pending]);
    },
  };
}

/** flexer's choice: HTTP Basic when both halves are given, else the Bearer token, else nothing. */
function authOf(options: CmpContextOptions): AuthStrategy | undefined {
  try {
    if (options.username !== undefined && options.password !== undefined) {
      return basicAuth({ username: options.username, password: options.password });
    }
    if (options.token !== undefined) return tokenAuth({ token: options.token, scheme: "Bearer" });
    return undefined;
  } catch (error) {
    // core refuses an empty token or a line break in a credential: say so in this package's terms.
    if (!isSdkError(error, "invalid_input")) throw error;
    const message = error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    throw new InvalidValueError(message, error.field, { cause: error });
  }
}

/**
 * The absolute URL flexer requests: `CMP_URL + path` parsed as one string, so `?`, `#`, `..` and a
 * doubled slash mean what they meant before (core's path joining would encode `#`, strip leading
 * slashes and treat `{…}` as a template). core accepts an absolute URL on the base's own origin; the
 * fragment is never sent, and braces left in the query are percent-encoded, as RFC 3986 wants them.
 */
function cmpUrlOf(root: string, path: string): string {
  const url = new URL(root + path);
  url.hash = "";
  return url.href.replace(/[{}]/g, (brace) => (brace === "{" ? "%7B" : "%7D"));
}

/** One call, every status returned to the caller with the raw body, as flexer's `CmpClient` does. */
async function sendJson(
  http: HttpClient,
  method: "POST" | "PATCH",
  url: string,
  data: unknown,
): Promise<CmpResponse> {
  const response = await http.request<Uint8Array>({
    method,
    path: url,
    // Encoded here so that a string is sent as JSON too (core would send a string body as it is).
    body: JSON.stringify(data),
    expectStatus: "any",
    responseType: "bytes",
  });
  return { statusCode: response.status, content: response.data };
}

// flexer formats with "%Y-%m-%dT%H:%M:%S.%fZ": always six fraction digits.
function logTimestamp(clock: Clock): string {
  const t = readClock(clock);
  return `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.microsecond, 6)}Z`;
}
