/**
 * @packageDocumentation
 * `@meterkit/connector-model`: the nflex connector resource model (a TypeScript port of
 * `nflex-connector-utils` 0.2.0). Every model serializes to the same wire format as the original.
 */

export type { CmpContext, CmpContextOptions } from "./context/cmp-context.js";
export { createCmpContext } from "./context/cmp-context.js";
export type {
  AccountContext,
  CmpApi,
  CmpResponse,
  ConnectorContext,
  LogContext,
  TaskContext,
} from "./context/context.js";
export type { ConnectorHandler } from "./context/handler.js";
export { connectorHandler } from "./context/handler.js";
export type { LoggerOptions, LogSeverity, TextSink } from "./context/logger.js";
export { Logger } from "./context/logger.js";
export { setTaskPercentage } from "./context/tasks.js";
export type { ModelErrorCode } from "./errors.js";
export {
  BadResponseError,
  ConnectorModelError,
  DateParseError,
  InvalidTypeError,
  InvalidValueError,
  isConnectorModelError,
  MissingKeyError,
  OutOfRangeError,
} from "./errors.js";
export type { AccountOptions, SerializedAccount } from "./models/account.js";
export { Account } from "./models/account.js";
export type { ApplianceOptions, ApplianceTypeId } from "./models/appliance.js";
export { Appliance } from "./models/appliance.js";
export type { CircuitOptions } from "./models/circuit.js";
export { Circuit } from "./models/circuit.js";
export type { ColoSpaceOptions } from "./models/colo-space.js";
export { ColoSpace } from "./models/colo-space.js";
export type { ComputePoolOptions } from "./models/compute-pool.js";
export { ComputePool } from "./models/compute-pool.js";
export type { ConnectionsOptions, SerializedConnections } from "./models/connections.js";
export { Connections } from "./models/connections.js";
export type {
  ImageDetailMapOptions,
  ImageDetailOptions,
  ImageOverrides,
  ImageTuple,
  SerializedImageDetail,
} from "./models/image-detail.js";
export { ImageDetail, ImageDetailMap } from "./models/image-detail.js";
export type { IpAddressOptions, SerializedIpAddress } from "./models/ip-address.js";
export { IpAddress } from "./models/ip-address.js";
export type { LocationHash, LocationLevel, LocationsOptions } from "./models/locations.js";
export { Locations } from "./models/locations.js";
export type { MetadataEntry, MetadataOptions, SerializedMetadata } from "./models/metadata.js";
export { Metadata } from "./models/metadata.js";
export type { NetworkOptions } from "./models/network.js";
export { Network } from "./models/network.js";
export type { Serializable, SerializeOptions } from "./models/options.js";
export type { RegionOptions } from "./models/region.js";
export { Region } from "./models/region.js";
export type {
  BaseResourceOptions,
  ResourceOptions,
  SerializedBase,
  SerializedResource,
} from "./models/resource.js";
export { Resource } from "./models/resource.js";
export type { SaasUserOptions } from "./models/saas-user.js";
export { SaasUser } from "./models/saas-user.js";
export { serializeList, serializeListJson } from "./models/serialize-list.js";
export type { ServerOptions, ServerState } from "./models/server.js";
export { Server } from "./models/server.js";
export type { ServiceOfferingOptions } from "./models/service-offering.js";
export { ServiceOffering } from "./models/service-offering.js";
export type { VolumeOptions } from "./models/volume.js";
export { Volume } from "./models/volume.js";
export { InsufficientPermission, InvalidCredentials, NoBillingReport, SpendError } from "./nflex-errors.js";
// The option schemas and validateOptions are `@meterkit/connector-model/schemas` (zod loads only there); the
// error is here too, beside the package's other errors, for code that catches without validating.
export { OptionsValidationError } from "./schemas/validate.js";
export type { Clock } from "./time/clock.js";
export { fixedClock, systemClock } from "./time/clock.js";
export type { ConvertDatetimeOptions, DateInput } from "./time/convert-datetime.js";
export { convertDatetime } from "./time/convert-datetime.js";
export { parseIsoDateTime } from "./time/parse-iso.js";
export type { DateTimeFields } from "./time/precise-datetime.js";
export { PreciseDateTime } from "./time/precise-datetime.js";
export type {
  InfoLogger,
  TimeInterval,
  TimeIntervalEvent,
  TimeIntervalOptions,
} from "./time/setup-time-interval.js";
export { setupTimeInterval } from "./time/setup-time-interval.js";
export { strptime } from "./time/strptime.js";
export type { DateQuirk } from "./time/ymd.js";
