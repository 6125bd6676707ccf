/**
 * @packageDocumentation
 * `@meterkit/core`: the one HTTP and auth layer every meterkit client uses.
 */

export type { CatalogEndpoint, CatalogEntry, EndpointQuery } from "./auth/catalog.js";
export { findEndpoint } from "./auth/catalog.js";
export type { KeystoneAuth, KeystoneAuthOptions, KeystoneToken } from "./auth/keystone.js";
export { keystoneAuth } from "./auth/keystone.js";
export type { AuthStrategy } from "./auth/strategy.js";
export { noAuth } from "./auth/strategy.js";
export type { TokenAuthOptions } from "./auth/token.js";
export { tokenAuth } from "./auth/token.js";
export type { RequestSummary, SdkErrorCode, ValidationIssue } from "./errors.js";
export {
  AbortError,
  AuthError,
  EndpointNotFoundError,
  HttpError,
  InvalidInputError,
  isSdkError,
  NetworkError,
  ResponseValidationError,
  SdkError,
  TimeoutError,
} from "./errors.js";
export type { HttpClient } from "./http/client.js";
export { createHttpClient } from "./http/client.js";
export type {
  BaseUrl,
  CallOptions,
  HttpClientOptions,
  HttpMethod,
  HttpResponse,
  QueryValue,
  RequestOptions,
  Schema,
} from "./http/types.js";
export type { InputSchema } from "./input/validate-input.js";
export { validateInput } from "./input/validate-input.js";
export type { Logger } from "./logging/log-requests.js";
export { logRequests } from "./logging/log-requests.js";
export type { Handler, Middleware, PreparedRequest, RawResponse } from "./middleware.js";
export { linkRel } from "./pagination/link-header.js";
export type { Page, Paginated, PaginateOptions } from "./pagination/paginate.js";
export { collect } from "./pagination/paginate.js";
export {
  isSecretName,
  REDACTED,
  redactHeaders,
  redactJson,
  redactText,
  redactUrl,
  registerSecret,
} from "./redact.js";
export type { RetryOptions } from "./retry/retry.js";
export { retry } from "./retry/retry.js";
export { VERSION } from "./version.js";
