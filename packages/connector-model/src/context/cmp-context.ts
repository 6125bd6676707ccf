import { AbortError, isSdkError, NetworkError, registerSecret, TimeoutError } from "@meterkit/core";
import { type Dispatcher, getGlobalDispatcher, request } from "undici";
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

/**
 * A real module context over HTTP, equivalent to flexer's `FlexerContext` + `CmpClient`:
 * JSON bodies, `Content-Type: application/json`, HTTP Basic when a username and password are
 * set, otherwise `Authorization: Bearer <token>`. `log()` POSTs to `/logs` in the background.
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
  const dispatcher = options.dispatcher ?? getGlobalDispatcher();
  const clock = options.clock ?? systemClock;
  const moduleId = options.moduleId ?? null;
  const onLogError =
    options.onLogError ??
    ((error: unknown) => console.error("[@meterkit/connector-model] log delivery failed:", error));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "@meterkit/connector-model",
  };
  if (options.username !== undefined && options.password !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString("base64")}`;
  } else if (options.token !== undefined) {
    headers.authorization = `Bearer ${options.token}`;
  }
  // Never let a credential reach an error message or a log line (core scrubs registered values).
  registerSecret(options.password);
  registerSecret(options.token);
  if (headers.authorization)
    registerSecret(headers.authorization.slice(headers.authorization.indexOf(" ") + 1));
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new InvalidValueError("timeoutMs must be a positive number of milliseconds", "timeoutMs");
  }
  const pending = new Set<Promise<void>>();

  async function send(method: "POST" | "PATCH", path: string, data: unknown): Promise<CmpResponse> {
    const url = root + path;
    try {
      const response = await request(url, {
        method,
        headers,
        body: JSON.stringify(data),
        dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const content = new Uint8Array(await response.body.arrayBuffer());
      return { statusCode: response.statusCode, content };
    } catch (error) {
      throw transportError(error, { method, url }, timeoutMs);
    }
  }

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

// flexer formats with "%Y-%m-%dT%H:%M:%S.%fZ": always six fraction digits.
function logTimestamp(clock: Clock): string {
  const t = readClock(clock);
  return `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}T${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${pad(t.microsecond, 6)}Z`;
}

/** undici's failures as core's typed errors, so callers can rely on `isSdkError()` for every failure. */
function transportError(error: unknown, request: { method: string; url: string }, timeoutMs: number): Error {
  if (isSdkError(error)) return error;
  const code = (error as { code?: string } | null)?.code;
  if (
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT" ||
    code === "UND_ERR_CONNECT_TIMEOUT"
  ) {
    return new TimeoutError(request, timeoutMs, error);
  }
  if (code === "UND_ERR_ABORTED") return new AbortError(request, error);
  return new NetworkError(request, error);
}
