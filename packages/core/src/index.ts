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
export type { BasicAuthOptions, TokenAuthOptions } from "./auth/token.js";
export { basicAuth, tokenAuth } from "./auth/token.js";
export type { BoundOperations, Operation, OperationTable } from "./client/bind.js";
export { bindOperations } from "./client/bind.js";
export { createClientHttp, isHttpClient } from "./client/create-client-http.js";
export { buildOnce, lazySchema } from "./client/lazy-schema.js";
export type { ClientInput, ClientOptions, ClientSpec } from "./client/options.js";
export type { RequestSummary, SdkErrorCode, SdkErrorMap, ValidationIssue } from "./errors.js";
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
  ErrorMapper,
  HttpClientOptions,
  HttpMethod,
  HttpResponse,
  QueryValue,
  RequestOptions,
  Schema,
} from "./http/types.js";
export type { InputSchema } from "./input/validate-input.js";
export { inputChecker, validateInput } from "./input/validate-input.js";
export type { Logger } from "./logging/log-requests.js";
export { logRequests } from "./logging/log-requests.js";
export type { Handler, Middleware, OperationRetry, PreparedRequest, RawResponse } from "./middleware.js";
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
  SecretSet,
} from "./redact.js";
export type { RetryOptions } from "./retry/retry.js";
export { retry, sleep } from "./retry/retry.js";
export { VERSION } from "./version.js";
