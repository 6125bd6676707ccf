/**
 * The module context an nflex connector receives, reduced to what this package uses.
 * Implement it over your own HTTP stack, or use {@link createCmpContext}.
 */

/** A CMP API response as the original sees it: status and raw body. @public */
export interface CmpResponse {
  /** HTTP status code. */
  statusCode: number;
  /** Raw body: bytes (as `requests` gives them) or text. */
  content: string | Uint8Array;
}

/** The CMP API client of a context (flexer's `CmpClient`). @public */
export interface CmpApi {
  /** `POST <CMP_URL><path>` with `data` as JSON body. */
  post(path: string, data: unknown): Promise<CmpResponse>;
  /** `PATCH <CMP_URL><path>` with `data` as JSON body. */
  patch(path: string, data: unknown): Promise<CmpResponse>;
}

/** What {@link Logger} needs: the module id and the logs API. @public */
export interface LogContext {
  /** Set in production only; a truthy module id sends logs to CMP instead of stdout. */
  moduleId?: unknown;
  /**
   * Sends one log line. Must not throw: like flexer's `log`, report delivery failures yourself
   * (the original prints them); network implementations send in the background.
   */
  log(message: string, severity: string): void;
  /** Waits for background deliveries, when the context sends in the background ({@link createCmpContext} does). */
  flush?(): Promise<void>;
}

/** What {@link Account.update} needs. @public */
export interface AccountContext {
  moduleId?: unknown;
  api: Pick<CmpApi, "patch">;
}

/** What {@link setTaskPercentage} needs. @public */
export interface TaskContext {
  api: Pick<CmpApi, "post">;
}

/** A full module context. @public */
export interface ConnectorContext extends LogContext {
  api: CmpApi;
}
