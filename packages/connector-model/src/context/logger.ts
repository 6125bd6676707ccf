import { pyStr, pyTruthy } from "@meterkit/core/python";
import type { LogContext } from "./context.js";

/** Where {@link Logger} prints when there is no module id; `process.stdout` by default. @public */
export interface TextSink {
  /** Writes one already formatted line (`<severity>\t<message>\n`); the return value is ignored. */
  write(text: string): unknown;
}

/** Options of {@link Logger}. @public */
export interface LoggerOptions {
  /** The module context. */
  context: LogContext;
  /** The event's customer id. */
  customerId: unknown;
  /** The event's account id. */
  accountId: unknown;
  /** The event's resource id (may be null). */
  resourceId?: unknown;
  /** Where to print when the context has no module id (default `process.stdout`). */
  stdout?: TextSink;
}

/** Severity names, which are also the method names. @public */
export type LogSeverity = "info" | "warn" | "error" | "exception";

/**
 * Prefixes every message with `Target(customer: <c>,account: <a>, resource: <r>): ` (no space
 * after the first comma, as in the original) and sends it to `context.log` when the context has
 * a truthy module id (production), else prints `<severity>\t<message>` to stdout.
 * @public
 */
export class Logger {
  readonly #context: LogContext;
  readonly #header: string;
  readonly #stdout: TextSink;

  constructor(options: LoggerOptions) {
    this.#context = options.context;
    this.#header = `Target(customer: ${pyStr(options.customerId)},account: ${pyStr(options.accountId)}, resource: ${pyStr(options.resourceId)}): `;
    this.#stdout = options.stdout ?? process.stdout;
  }

  /** Logs with severity `info`. */
  info(body: unknown): void {
    this.#log("info", body);
  }

  /** Logs with severity `warn`. */
  warn(body: unknown): void {
    this.#log("warn", body);
  }

  /** Logs with severity `error`. */
  error(body: unknown): void {
    this.#log("error", body);
  }

  /** Logs with severity `exception`. */
  exception(body: unknown): void {
    this.#log("exception", body);
  }

  /**
   * Resolves once every line logged so far has been delivered (the context's `flush()`, when it
   * has one). A handler that returns before its logs are sent can lose them: await this last.
   */
  async flush(): Promise<void> {
    await this.#context.flush?.();
  }

  #log(severity: LogSeverity, body: unknown): void {
    const message = this.#header + pyStr(body);
    if (pyTruthy(this.#context.moduleId)) this.#context.log(message, severity);
    else this.#stdout.write(`${severity}\t${message}\n`);
  }
}
