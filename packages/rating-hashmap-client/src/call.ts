/** One place where requests go out: CloudKitty's error shapes become typed errors. */
import {
  type CallOptions,
  type HttpClient,
  type HttpError,
  type HttpMethod,
  isSdkError,
  type QueryValue,
  type Schema,
} from "@meterkit/core";
import { HashMapHttpError, UnsupportedByServerError } from "./errors.js";

/** A request to CloudKitty. @internal */
export interface CallSpec<T> {
  method: HttpMethod;
  path: string;
  pathParams?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema?: Schema<T>;
  /** Names of newer-release fields/filters this call sends, to turn `Unknown argument` into a clear error. */
  newer?: readonly string[];
  /** A POST that only reads (the quote): safe for `retry()` to repeat. */
  idempotent?: boolean;
}

const UNKNOWN = /Unknown (?:argument|attribute)[^"'\n]*?(?:for argument \w+: |: )?"?([A-Za-z_]+)"?/;

/** Send the request and return the data; errors become `HashMapHttpError` / `UnsupportedByServerError`. @internal */
export async function call<T>(http: HttpClient, spec: CallSpec<T>, options: CallOptions = {}): Promise<T> {
  try {
    const response = await http.request<T>({
      method: spec.method,
      path: spec.path,
      pathParams: spec.pathParams,
      query: spec.query,
      body: spec.body,
      schema: spec.schema,
      idempotent: spec.idempotent,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      headers: options.headers,
    });
    return response.data;
  } catch (error) {
    if (!isSdkError(error, "http_error")) throw error;
    const typed = new HashMapHttpError(error as HttpError);
    const unknown = typed.status === 400 && typed.serverMessage ? UNKNOWN.exec(typed.serverMessage) : null;
    if (unknown?.[1] && spec.newer?.includes(unknown[1])) {
      throw new UnsupportedByServerError(unknown[1], typed.serverMessage ?? "", typed);
    }
    throw typed;
  }
}
